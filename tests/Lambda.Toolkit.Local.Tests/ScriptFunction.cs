namespace Lambda.Toolkit.Local.Tests;

/// <summary>
/// A function written as a bash script, for the behaviours the floor never shows (crashes, hangs, init and
/// function errors). It speaks the Runtime API over bash's <c>/dev/tcp</c>, so it needs nothing but bash.
/// </summary>
internal sealed class ScriptFunction : IDisposable
{
    /// <summary>
    /// Helpers for the scripts. <c>request METHOD PATH [BODY] [HEADER]</c> prints the raw HTTP response;
    /// <c>next</c> takes an event and sets <c>id</c> and <c>event</c>; <c>respond BODY</c> and
    /// <c>fail TYPE MESSAGE</c> answer it.
    /// </summary>
    private const string Prelude = """
        #!/usr/bin/env bash
        set -u
        host=${AWS_LAMBDA_RUNTIME_API%:*}
        port=${AWS_LAMBDA_RUNTIME_API##*:}
        request() {
          local body=${3-} header=
          if [ -n "${4-}" ]; then header=$4$'\r\n'; fi
          exec 3<>"/dev/tcp/$host/$port"
          printf '%s /2018-06-01/runtime/%s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n%s' \
            "$1" "$2" "$AWS_LAMBDA_RUNTIME_API" "${#body}" "$header" "$body" >&3
          cat <&3
          exec 3<&-
        }
        next() {
          local response
          response=$(request GET invocation/next)
          id=$(printf '%s' "$response" | tr -d '\r' | sed -n 's/^Lambda-Runtime-Aws-Request-Id: //Ip')
          event=${response#*$'\r\n\r\n'}
        }
        respond() { request POST "invocation/$id/response" "$1" > /dev/null; }
        fail() { request POST "invocation/$id/error" "{\"errorType\":\"$1\",\"errorMessage\":\"$2\",\"stackTrace\":[]}" "Lambda-Runtime-Function-Error-Type: $1" > /dev/null; }

        """;

    private readonly string _directory;

    private ScriptFunction(string directory, string path)
    {
        _directory = directory;
        Path = path;
    }

    /// <summary>The executable script.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="body"/> (after the helpers) to an executable file in a fresh temp directory.</summary>
    public static ScriptFunction Create(string body) => FromText(Prelude + body + "\n");

    /// <summary>Writes a whole script, its <c>#!</c> line first, to an executable file in a fresh temp directory.</summary>
    public static ScriptFunction FromText(string script)
    {
        var directory = Directory.CreateTempSubdirectory("lambda-toolkit-script-").FullName;
        var path = System.IO.Path.Combine(directory, "bootstrap");
        File.WriteAllText(path, script.ReplaceLineEndings("\n"));
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Script functions need bash and a Unix file system.");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new ScriptFunction(directory, path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold it; the temp directory is cleaned up eventually.
        }
    }
}
