namespace Lambda.Toolkit.Local.Tests;

/// <summary>
/// A function written in JavaScript for Node.js (which the SQS test server needs anyway): a tiny Runtime API loop
/// around a handler body that receives <c>event</c> and may <c>await sleep(ms)</c>; what it returns is the response,
/// what it throws is the error.
/// </summary>
internal static class NodeFunction
{
    private const string Loop = """
        #!/usr/bin/env node
        const api = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation`;
        const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
        const handler = async (event) => {
        %HANDLER%
        };
        (async () => {
          for (;;) {
            const next = await fetch(`${api}/next`);
            const id = next.headers.get("lambda-runtime-aws-request-id");
            const event = await next.json();
            try {
              const result = await handler(event);
              await fetch(`${api}/${id}/response`, { method: "POST", body: JSON.stringify(result ?? null) });
            } catch (e) {
              await fetch(`${api}/${id}/error`, { method: "POST", headers: { "Lambda-Runtime-Function-Error-Type": e.name }, body: JSON.stringify({ errorType: e.name, errorMessage: e.message }) });
            }
          }
        })();
        """;

    /// <summary>The function, as an executable script in a fresh temp directory.</summary>
    public static ScriptFunction Create(string handler) => ScriptFunction.FromText(Loop.Replace("%HANDLER%", handler, StringComparison.Ordinal) + "\n");
}
