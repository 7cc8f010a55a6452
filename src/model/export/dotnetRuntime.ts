/**
 * The fixed parts of the exported C# program: usings, the top-level entry point, the console
 * driver and the template tool. They hold no document data; `dotnet.ts` writes the parts that
 * do. API names as read in microsoft/agent-framework (dotnet/src/Microsoft.Agents.AI.Workflows/
 * HandoffWorkflowBuilder.cs, AgentWorkflowBuilder.cs; dotnet/src/Microsoft.Agents.AI/ChatClient/)
 * and its samples (03-workflows/Orchestration/Handoff, 03-workflows/Agents/GroupChatToolApproval).
 */

/** The agent-framework commit whose .NET source the export was checked against. */
export const DOTNET_AF_SOURCE = 'microsoft/agent-framework@5eb3eb74 (2026-08-07)';

export const CSHARP_USINGS = `using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Agents.AI;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Extensions.AI;
using OpenAI;
`;

export const CSHARP_MAIN = `string? baseUrl = Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
string? apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY")
    ?? (string.IsNullOrEmpty(baseUrl) ? null : "not-needed");
if (apiKey is null)
{
    Console.Error.WriteLine("Set OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL).");
    return 2;
}
string? modelOverride = Environment.GetEnvironmentVariable("OPENAI_MODEL");
string? clientModel = string.IsNullOrEmpty(modelOverride) ? HandoffStudioWorkflow.DefaultModel : modelOverride;
if (string.IsNullOrEmpty(clientModel))
{
    Console.Error.WriteLine("Set OPENAI_MODEL: the document names no default model.");
    return 2;
}
OpenAIClientOptions clientOptions = new();
if (!string.IsNullOrEmpty(baseUrl))
{
    clientOptions.Endpoint = new Uri(baseUrl);
}
IChatClient chatClient = new OpenAIClient(new ApiKeyCredential(apiKey), clientOptions)
    .GetChatClient(clientModel)
    .AsIChatClient();
Workflow workflow = HandoffStudioWorkflow.Build(chatClient, string.IsNullOrEmpty(modelOverride) ? null : modelOverride);
return await HandoffStudioWorkflow.RunInConsoleAsync(workflow);
`;

/** Names the fixed parts use inside Build (agents and tools must not reuse them). */
export const CSHARP_BUILD_NAMES = ['chatClient', 'modelOverride', 'builder', 'autonomousAgents'];

export const CSHARP_RUNNER = `    /// <summary>Talks to the workflow in the console; an empty line ends the conversation.</summary>
    public static async Task<int> RunInConsoleAsync(Workflow workflow)
    {
        await using StreamingRun run = await InProcessExecution.OpenStreamingAsync(workflow).ConfigureAwait(false);
        while (!Terminated)
        {
            Console.Write("You: ");
            string input = Console.ReadLine() ?? string.Empty;
            if (string.IsNullOrWhiteSpace(input))
            {
                return 0;
            }

            await run.TrySendMessageAsync(input).ConfigureAwait(false);
            await run.TrySendMessageAsync(new TurnToken(emitEvents: true)).ConfigureAwait(false);
            string? speaker = null;
            await foreach (WorkflowEvent evt in run.WatchStreamAsync().ConfigureAwait(false))
            {
                switch (evt)
                {
                    case AgentResponseUpdateEvent update:
                        if (speaker != update.Update.AuthorName)
                        {
                            speaker = update.Update.AuthorName;
                            Console.Write($"\\n{speaker}: ");
                        }

                        Console.Write(update.Update.Text);
                        break;

                    case RequestInfoEvent request when request.Request.TryGetDataAs(out ToolApprovalRequestContent? approval):
                        FunctionCallContent call = (FunctionCallContent)approval.ToolCall;
                        Console.Write($"\\nApprove {call.Name}({JsonSerializer.Serialize(call.Arguments)})? [y/n] ");
                        string answer = (Console.ReadLine() ?? string.Empty).Trim().ToLowerInvariant();
                        bool approved = answer is "y" or "yes";
                        await run.SendResponseAsync(request.Request.CreateResponse(approval.CreateResponse(approved: approved))).ConfigureAwait(false);
                        break;

                    case WorkflowErrorEvent error:
                        Console.Error.WriteLine($"\\nWorkflow error: {error.Exception}");
                        return 1;
                }
            }

            Console.WriteLine();
        }

        Console.WriteLine("[workflow finished]");
        return 0;
    }
`;

export const CSHARP_TEMPLATE_TOOL = `/// <summary>A simulated tool: its result is the template with each {{argument}} filled in.</summary>
internal sealed class TemplateTool(string name, string description, string parametersJson, string resultTemplate) : AIFunction
{
    private static readonly Regex TemplateReference = new(@"\\{\\{\\s*([^{}\\s]+)\\s*\\}\\}");
    private readonly JsonElement _schema = JsonSerializer.Deserialize<JsonElement>(parametersJson);

    public override string Name => name;

    public override string Description => description;

    public override JsonElement JsonSchema => this._schema;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        string result = TemplateReference.Replace(resultTemplate, match =>
        {
            if (!arguments.TryGetValue(match.Groups[1].Value, out object? value))
            {
                return match.Value;
            }

            return value switch
            {
                string text => text,
                JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? string.Empty,
                JsonElement element => element.GetRawText(),
                null => "null",
                _ => JsonSerializer.Serialize(value),
            };
        });
        return new ValueTask<object?>(result);
    }
}
`;
