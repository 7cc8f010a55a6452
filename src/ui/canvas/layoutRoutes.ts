/**
 * The routes of the last auto-layout: view state, never part of the document (which keeps
 * positions only). A route is drawn only while both ends of its edge are where the layout put
 * them (see `edgePath`), so a drag, an undo or another document falls back to the plain curve
 * without anything having to forget the routes.
 */
import { create } from 'zustand';
import type { Point } from '../../model/edit';

/** An edge as ELK routed it: its polyline (start, bends, end) and its label's centre. */
export interface EdgeRoute {
  points: Point[];
  label: Point | undefined;
}

/** The key of a route: one per source and target (a duplicate handoff shares its twin's). */
export function routeKey(source: string, target: string): string {
  return `${source}\u0000${target}`;
}

const useRoutes = create<{ routes: ReadonlyMap<string, EdgeRoute> }>(() => ({
  routes: new Map(),
}));

/** Replaces the routes (after a layout). */
export function setLayoutRoutes(routes: ReadonlyMap<string, EdgeRoute>): void {
  useRoutes.setState({ routes });
}

/** The laid-out route of the edge from `source` to `target`, if the last layout made one. */
export function useLayoutRoute(source: string, target: string): EdgeRoute | undefined {
  return useRoutes((s) => s.routes.get(routeKey(source, target)));
}
