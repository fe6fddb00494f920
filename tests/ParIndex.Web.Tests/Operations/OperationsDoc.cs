extern alias cli;

using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CliApp = cli::ParIndex.Cli.CliApp;

namespace ParIndex.Web.Tests.Operations;

/// <summary>
/// The tested command blocks of docs/operations.md: the fenced block after a line
/// <c>&lt;!-- tested: NAME --&gt;</c>, run line by line with the doc's variables set — <c>parindex</c>
/// lines in this process (<see cref="CliApp.Run"/>), every other line by bash — so that the
/// documented procedure is the one the tests prove.
/// </summary>
internal static partial class OperationsDoc
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    public static string FilePath
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ParIndex.slnx")))
                {
                    return Path.Combine(folder.FullName, "docs", "operations.md");
                }
            }

            throw new InvalidOperationException("ParIndex.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The commands of one marked block (continuation lines joined, comments and blank lines left out).</summary>
    public static IReadOnlyList<string> Commands(string name)
    {
        var lines = File.ReadAllLines(FilePath);
        var marker = Array.FindIndex(lines, l => l.Trim() == $"<!-- tested: {name} -->");
        Assert.True(marker >= 0, $"docs/operations.md has no block marked '<!-- tested: {name} -->'.");
        var open = marker + 1;
        Assert.True(open < lines.Length && lines[open].StartsWith("```", StringComparison.Ordinal), $"The marker '{name}' is not followed by a fenced code block.");
        var commands = new List<string>();
        var current = new StringBuilder();
        for (var i = open + 1; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
        {
            var line = lines[i].Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            current.Append(line.TrimEnd('\\').Trim()).Append(' ');
            if (!line.EndsWith('\\'))
            {
                commands.Add(current.ToString().Trim());
                current.Clear();
            }
        }

        Assert.NotEmpty(commands);
        return commands;
    }

    /// <summary>Runs a marked block; every command must exit 0. Returns what they printed.</summary>
    /// <param name="toolFolder">A folder put first on PATH (the PostgreSQL client tools).</param>
    public static async Task<string> RunAsync(string name, IReadOnlyDictionary<string, string> variables, string? toolFolder = null)
    {
        var printed = new StringBuilder();
        foreach (var command in Commands(name))
        {
            if (command.StartsWith("parindex ", StringComparison.Ordinal))
            {
                var args = Words(command["parindex ".Length..], variables);
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                var code = await Task.Run(() => CliApp.Run([.. args], stdout, stderr));
                printed.Append(stdout).Append(stderr);
                Assert.True(code == 0, $"'{command}' exited {code}:\n{stdout}\n{stderr}");
            }
            else
            {
                printed.Append(await BashAsync(command, variables, toolFolder));
            }
        }

        return printed.ToString();
    }

    private static async Task<string> BashAsync(string command, IReadOnlyDictionary<string, string> variables, string? toolFolder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-euo", "pipefail", "-c", command })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in variables)
        {
            start.Environment[key] = value;
        }

        if (toolFolder is not null)
        {
            start.Environment["PATH"] = toolFolder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"'{command}' exited {process.ExitCode}:\n{output}");
        return output;
    }

    /// <summary>
    /// Splits a command line as the shell does for the forms the doc uses: words, "double quotes"
    /// with <c>$NAME</c>/<c>${NAME}</c> expanded, 'single quotes' taken as they are. An unset name is an error (as <c>set -u</c>).
    /// </summary>
    public static IReadOnlyList<string> Words(string line, IReadOnlyDictionary<string, string> variables)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                Assert.True(end > i, $"Unclosed quote in: {line}");
                word.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                var end = line.IndexOf('"', i + 1);
                Assert.True(end > i, $"Unclosed quote in: {line}");
                word.Append(Expand(line[(i + 1)..end], variables));
                i = end;
            }
            else
            {
                var end = i;
                while (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] is not ('"' or '\''))
                {
                    end++;
                }

                word.Append(Expand(line[i..end], variables));
                i = end - 1;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string Expand(string text, IReadOnlyDictionary<string, string> variables) =>
        VariablePattern().Replace(text, m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            Assert.True(variables.TryGetValue(name, out var value), $"The doc uses ${name}, which the test does not set.");
            return value!;
        });

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariablePattern();
}
