using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ParIndex.Benchmarks.Surveys;

/// <summary>
/// Measured console mode for the survey import (<c>survey-import [--sizes 10000,100000,1000000] [--shape wide|long]</c>).
/// BenchmarkDotNet's many iterations are too slow at a million respondents, so each size and
/// workload runs in a fresh child process (so its peak working set is its own): warm-up runs (5 at 10k, 1 above),
/// then timed runs (5 at 10k, 3 above) of which the median is reported, plus the bytes allocated
/// by one run. The baseline runs in the same invocation, on the same file.
/// </summary>
public static class SurveyImportMeasurement
{
    public const string Command = "survey-import";
    private const string ChildCommand = "survey-import-child";

    /// <param name="args">The program's arguments, starting with <see cref="Command"/>.</param>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 6 && args[1] == ChildCommand)
        {
            return Child(args[2], args[3], int.Parse(args[4], CultureInfo.InvariantCulture), args[5] == "long");
        }

        var sizes = new[] { 10_000, 100_000, 1_000_000 };
        var dir = Path.Combine(Path.GetTempPath(), "parindex-bench-surveys");
        var longShape = false;
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i] == "--sizes")
            {
                sizes = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            }
            else if (args[i] == "--dir")
            {
                dir = args[i + 1];
            }
            else if (args[i] == "--shape")
            {
                longShape = args[i + 1] switch
                {
                    "long" => true,
                    "wide" => false,
                    _ => throw new ArgumentException($"--shape is wide or long, not {args[i + 1]}"),
                };
            }
        }

        Console.WriteLine($"# Survey import, {(longShape ? "long" : "wide")} CSV, {SurveyBenchmarkData.Questionnaire.Questions.Count} questions, {SurveyBenchmarkData.Units} units; .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        Console.WriteLine("| Respondents | File MB | Workload | Median s | Respondents/s | MB/s | Allocated MB | Peak working set MB | Ratio to baseline |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var path = longShape ? SurveyBenchmarkData.EnsureLongFile(dir, size) : SurveyBenchmarkData.EnsureFile(dir, size);
            var megabytes = new FileInfo(path).Length / 1024.0 / 1024.0;
            var runs = size >= 100_000 ? 3 : 5;
            var baseline = Spawn("baseline", path, runs, longShape);
            var import = Spawn("import", path, runs, longShape);
            foreach (var (name, m) in new[] { ("baseline: split lines", baseline), ("import: hash + validate + score + write", import) })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size:N0} | {megabytes:F1} | {name} | {m.Seconds:F3} | {size / m.Seconds:N0} | {megabytes / m.Seconds:F0} | {m.AllocatedBytes / 1048576.0:F0} | {m.PeakWorkingSet / 1048576.0:F0} | {m.Seconds / baseline.Seconds:F1}× |"));
            }
        }

        return 0;
    }

    private static Measurement Spawn(string workload, string path, int runs, bool longShape)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Command, ChildCommand, workload, path, runs.ToString(CultureInfo.InvariantCulture), longShape ? "long" : "wide" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{workload} failed: {output}");
        }

        return JsonSerializer.Deserialize<Measurement>(output.Trim().Split('\n')[^1])!;
    }

    private static int Child(string workload, string path, int runs, bool longShape)
    {
        var mapping = longShape ? SurveyBenchmarkData.LongMapping : SurveyBenchmarkData.Mapping;
        Func<long> work = workload == "baseline"
            ? () => SurveyImportWorkloads.SplitLines(path)
            : () => SurveyImportWorkloads.Import(path, mapping).AnswersWritten;
        // Warm-up (JIT tiers, file cache): several runs for the small file, where one run is short.
        var warmups = runs >= 5 ? 5 : 1;
        for (var i = 0; i < warmups; i++)
        {
            work();
        }

        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            work();
            times.Add(watch.Elapsed.TotalSeconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        times.Sort();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var m = new Measurement(times[times.Count / 2], allocated, self.PeakWorkingSet64);
        Console.WriteLine(JsonSerializer.Serialize(m));
        return 0;
    }

    public sealed record Measurement(double Seconds, long AllocatedBytes, long PeakWorkingSet);
}
