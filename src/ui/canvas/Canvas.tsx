import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type FinalConnectionState,
  type Node,
  type Viewport,
} from '@xyflow/react';
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent,
} from 'react';
import { AGENT_TEMPLATES } from '../../model/edit';
import { useDesigner } from '../../store/hooks';
import { TEMPLATE_MIME } from '../palette/dragData';
import { addAgentAt } from '../shell/commands';
import { useResolvedTheme } from '../shell/useTheme';
import { useUi } from '../uiStore';
import { AgentNode } from './AgentNode';
import { EdgeMarkers, HandoffEdge } from './HandoffEdge';
import { EdgeSketch } from './EdgeSketch';
import type { SketchEdge } from './sketchPaths';
import { BreakpointBar } from './BreakpointBar';
import { agentAtPointer, refusedConnectionMessage } from './connectEnd';
import { FollowActive } from './FollowActive';
import { MeshEdge } from './MeshEdge';
import { MeshNote } from './MeshNote';
import './trace.css';
import {
  createEdgeBuilder,
  createNodeBuilder,
  indexProblems,
  type AgentNodeData,
  type Size,
} from './toFlow';
import { initialViewport } from './initialViewport';
import { useFitOnLoad } from './useFitOnLoad';
import { useFlowChanges, type DragPositions, type Sizes } from './useFlowChanges';
import { fitCanvas } from './fitCanvas';
import { useApp } from '../../app/appContext';

const nodeTypes = { agent: AgentNode };
const edgeTypes = { handoff: HandoffEdge, mesh: MeshEdge };
const GRID: [number, number] = [20, 20];
/** Above this many agents only the visible part of the graph is rendered. */
const VIRTUALIZE_FROM = 150;
const FAR_ZOOM = 0.45;
/** From this many handoffs, zoomed far out, edges are drawn as a sketch (see EdgeSketch). */
const SKETCH_FROM = 300;

const NO_EDGES: never[] = [];
// Props of React Flow that are objects are kept outside render: React Flow copies changed props
// into its store, and every store change wakes every node and edge subscribed to it.
const MIN_ZOOM = 0.05;
const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };

const miniMapColor = (node: Node) => {
  const data = node.data as AgentNodeData;
  if (data.problems.errors) return 'var(--error)';
  if (data.problems.warnings) return 'var(--warning)';
  return data.isStart ? 'var(--start)' : 'var(--accent)';
};

/** The workflow as an editable graph. Our document is the model; React Flow only draws it. */
export function Canvas() {
  const app = useApp();
  const store = app.designer;
  const doc = useDesigner((s) => s.doc);
  const ids = useDesigner((s) => s.ids);
  const topology = useDesigner((s) => s.topology);
  const issues = useDesigner((s) => s.issues);
  const selection = useDesigner((s) => s.selection);
  const snapToGrid = useUi((s) => s.snapToGrid);
  const colorMode = useResolvedTheme();
  const flow = useReactFlow();
  const { screenToFlowPosition } = flow;
  // Level of detail: zoomed far out, labels and node details are unreadable; hiding them (CSS)
  // spares the browser laying out and painting thousands of elements on every frame.
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);

  const [buildNodes] = useState(createNodeBuilder);
  const [buildEdges] = useState(createEdgeBuilder);
  // Measured sizes: written as React Flow reports them, read through a snapshot that changes
  // identity when a size changed (so only then are the nodes rebuilt).
  const [measured] = useState<Sizes>(() => new Map());
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const onSizes = useCallback(() => setSizes(new Map(measured)), [measured]);
  const problems = useMemo(() => indexProblems(issues), [issues]);
  const selectedAgents = useMemo(() => new Set(selection.agents), [selection.agents]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  // A drag under way: its positions are drawn before they reach the document (at the drop).
  const [dragged, setDragged] = useState<DragPositions>(() => new Map());
  const built = useMemo(
    () => buildNodes(doc, ids, topology, problems, selectedAgents, sizes),
    [buildNodes, doc, ids, topology, problems, selectedAgents, sizes],
  );
  const nodes = useMemo(
    () =>
      dragged.size === 0
        ? built
        : built.map((node) => {
            const position = dragged.get(node.id);
            return position ? { ...node, position, className: 'agent--dragging' } : node;
          }),
    [built, dragged],
  );
  const edges = useMemo(
    () => buildEdges(doc, ids, topology, problems, selectedEdges),
    [buildEdges, doc, ids, topology, problems, selectedEdges],
  );
  const sketch = far && doc.handoffs.length >= SKETCH_FROM;
  // The agents being dragged: a set that keeps its identity for the whole drag (the positions
  // change on every frame, the ids do not). Node ids hold no newline.
  const draggingKey = [...dragged.keys()].join('\n');
  const dragging = useMemo(
    () => new Set(draggingKey === '' ? [] : draggingKey.split('\n')),
    [draggingKey],
  );
  // Their edges are marked (once, when the drag starts) so that the browser draws them in
  // layers of their own and leaves the other edges as they were painted.
  const flowEdges = useMemo(() => {
    if (sketch) return NO_EDGES;
    if (dragging.size === 0) return edges;
    return edges.map((e) =>
      dragging.has(e.source) || dragging.has(e.target) ? { ...e, className: 'edge--moving' } : e,
    );
  }, [sketch, edges, dragging]);
  const sketchEdges = useMemo(
    () =>
      sketch
        ? edges.map((e): SketchEdge => ({
            source: e.source,
            target: e.target,
            hidden: e.hidden,
            // The handoffs of a selected agent stand out too (its node is small out here).
            selected:
              (e.selected ?? false) || selectedAgents.has(e.source) || selectedAgents.has(e.target),
            severity: (e.data as { severity?: SketchEdge['severity'] } | undefined)?.severity,
          }))
        : [],
    [sketch, edges, selectedAgents],
  );
  const handlers = useFlowChanges(measured, onSizes, setDragged);
  useFitOnLoad();
  // The first view, from the stored positions, before React Flow mounts (see initialViewport).
  const frame = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<Viewport>();
  useLayoutEffect(() => {
    const box = frame.current!.getBoundingClientRect();
    setViewport(
      initialViewport(store.getState().doc, box.width, box.height, {
        ...FIT_VIEW_OPTIONS,
        minZoom: MIN_ZOOM,
      }),
    );
  }, [store]);

  const addAt = useCallback(
    (templateId: string, clientX: number, clientY: number) => {
      const template = AGENT_TEMPLATES.find((t) => t.id === templateId);
      if (!template) return;
      const at = screenToFlowPosition({ x: clientX, y: clientY });
      addAgentAt(app, template.agent, { x: at.x - 120, y: at.y - 40 });
    },
    [app, screenToFlowPosition],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      const id = event.dataTransfer.getData(TEMPLATE_MIME);
      if (!id) return;
      event.preventDefault();
      addAt(id, event.clientX, event.clientY);
    },
    [addAt],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(TEMPLATE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      if (!(event.target as Element).classList.contains('react-flow__pane')) return;
      addAt('blank', event.clientX, event.clientY);
    },
    [addAt],
  );
  const onPointerMove = useCallback(
    (event: MouseEvent) =>
      app.pointer.set({ x: event.clientX, y: event.clientY }, screenToFlowPosition),
    [app, screenToFlowPosition],
  );
  const onPointerLeave = useCallback(
    () => app.pointer.set(undefined, screenToFlowPosition),
    [app, screenToFlowPosition],
  );
  const onConnectEnd = useCallback(
    (event: globalThis.MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const message = refusedConnectionMessage(state, agentAtPointer(event), store.getState().doc);
      if (message) app.say(message, 'error');
    },
    [app, store],
  );
  const onPaneClick = useCallback(
    () => store.getState().select({ agents: [], edges: [] }),
    [store],
  );

  return (
    <div
      ref={frame}
      className={`canvas__flow${far ? ' canvas__flow--far' : ''}`}
      data-edges={sketch ? 'sketch' : 'full'}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onDoubleClick={onDoubleClick}
      onMouseMove={onPointerMove}
      onMouseLeave={onPointerLeave}
    >
      <EdgeMarkers />
      {viewport && (
        <ReactFlow
          nodes={nodes}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          {...handlers}
          onConnectEnd={onConnectEnd}
          onPaneClick={onPaneClick}
          colorMode={colorMode}
          minZoom={MIN_ZOOM}
          defaultViewport={viewport}
          snapToGrid={snapToGrid}
          snapGrid={GRID}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECTION_KEYS}
          connectionLineType={ConnectionLineType.Bezier}
          onlyRenderVisibleElements={doc.agents.length > VIRTUALIZE_FROM}
          proOptions={PRO_OPTIONS}
          aria-label="Workflow canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1.2} />
          {/* The fit button ends as F does, around the minimap: React Flow fits first (ignoring the
              minimap), then this callback refits from there. */}
          <Controls
            aria-label="Zoom controls"
            showInteractive={false}
            onFitView={() => fitCanvas(flow, { duration: 300 })}
          />
          {sketch && <EdgeSketch edges={sketchEdges} dragging={dragging} />}
          <FollowActive />
          <BreakpointBar />
          <MiniMap
            pannable
            zoomable
            ariaLabel="Minimap"
            nodeColor={miniMapColor}
            nodeStrokeWidth={0}
            nodeBorderRadius={6}
          />
        </ReactFlow>
      )}
      <MeshNote />
    </div>
  );
}
