using System.Diagnostics;

namespace ParIndex.Documents.Tests.Support;

/// <summary>Where tests leave files for people to look at: artifacts/documents/ at the repository root.</summary>
internal static class Artifacts
{
    public static string Directory { get; } = Create();

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    private static string Create()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ParIndex.slnx")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? Path.GetTempPath();
        var path = Path.Combine(root, "artifacts", "documents");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Runs a tool, failing the test with its output when it exits non-zero.</summary>
    public static void Run(string fileName, params string[] args)
    {
        var (exitCode, output) = Output(fileName, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} exited {exitCode}: {output}");
        }
    }

    /// <summary>Runs a tool and returns its exit code and what it printed (stdout, then stderr).</summary>
    public static (int ExitCode, string Output) Output(string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in 3 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr);
    }
}
