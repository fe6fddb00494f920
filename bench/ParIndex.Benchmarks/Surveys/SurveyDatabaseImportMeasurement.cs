using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ParIndex.Benchmarks.Surveys;

/// <summary>
/// Measured console mode for the survey import into a database
/// (<c>survey-import-db [--sizes 10000,100000,1000000] [--units N] [--providers sqlite,postgres] [--workloads baseline,write,import] [--runs N] [--dir D]</c>).
/// <c>--units N</c> measures a national campaign instead (<see cref="SurveyBenchShape.National"/>: N
/// units, one question per survey leaf); the warm-up stays on the small default shape.
/// For each size and provider it runs three workloads, each in a fresh child process (so that its
/// peak memory is its own) on a freshly created database per run: the bulk-load baseline, the
/// import without re-scoring and the campaign import end to end. A child first warms up on a
/// throwaway database with the 10k file, then resets its peak resident set and times the runs
/// (3 at 10k, 1 from 100k up unless <c>--runs</c>), reporting the median.
/// PostgreSQL is measured when <see cref="SurveyBenchDatabase.PostgresVariable"/> is set.
/// </summary>
public static class SurveyDatabaseImportMeasurement
{
    public const string Command = "survey-import-db";
    private const string ChildCommand = "child";
    private const int WarmupRespondents = 10_000;

    private static readonly (string Workload, string Label)[] Workloads =
    [
        (SurveyDatabaseWorkloads.Baseline, "baseline: bulk load of generated answers"),
        (SurveyDatabaseWorkloads.Write, "import without re-scoring"),
        (SurveyDatabaseWorkloads.Import, "import end to end"),
    ];

    /// <param name="args">The program's arguments, starting with <see cref="Command"/>.</param>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 1 && args[1] == ChildCommand)
        {
            return await ChildAsync(args).ConfigureAwait(false);
        }

        var sizes = new[] { 10_000, 100_000, 1_000_000 };
        var providers = new[] { SurveyBenchDatabase.Sqlite, SurveyBenchDatabase.Postgres };
        var dir = Path.Combine(Path.GetTempPath(), "parindex-bench-surveys");
        int? runs = null;
        string[]? selected = null;
        var shape = SurveyBenchmarkData.Default;
        for (var i = 1; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--sizes":
                    sizes = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--providers":
                    providers = args[i + 1].Split(',');
                    break;
                case "--dir":
                    dir = args[i + 1];
                    break;
                case "--workloads":
                    selected = args[i + 1].Split(',');
                    break;
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--units":
                    shape = SurveyBenchShape.National(int.Parse(args[i + 1], CultureInfo.InvariantCulture));
                    break;
            }
        }

        if (providers.Contains(SurveyBenchDatabase.Postgres) && Environment.GetEnvironmentVariable(SurveyBenchDatabase.PostgresVariable) is null)
        {
            Console.WriteLine($"PostgreSQL skipped: set {SurveyBenchDatabase.PostgresVariable} to a connection string of a server where throwaway databases may be created (e.g. Host=…;Username=postgres;Database=postgres).");
            providers = providers.Where(p => p != SurveyBenchDatabase.Postgres).ToArray();
        }

        var questionnaire = shape.Questionnaire;
        Console.WriteLine($"# Survey import into a database, wide CSV, {questionnaire.Questions.Count} questions, {shape.Units} units; .NET {Environment.Version}, {Environment.ProcessorCount} cores; load average {LoadAverage()} at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var warmup = SurveyBenchmarkData.EnsureFile(dir, WarmupRespondents);
        var files = new List<(int Size, string Path, long Answers)>();
        foreach (var size in sizes)
        {
            var path = SurveyBenchmarkData.EnsureFile(dir, size, shape);
            // The baseline must write exactly the rows the import reads from the file.
            var answers = GeneratedSurveyAnswers.Verify(path, shape, size);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {size:N0} respondents: {path}, {new FileInfo(path).Length / 1048576.0:F1} MB, {answers:N0} answers, the generated stream equals the file"));
            files.Add((size, path, answers));
        }

        Console.WriteLine("| Provider | Respondents | Workload | Median s | CPU s (this process) | Answers/s | Respondents/s | Throughput vs baseline | Peak working set MB | Peak managed MB | Allocated MB | DB MB | Phases, s |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (size, path, answers) in files)
        {
            foreach (var provider in providers)
            {
                Measurement? baseline = null;
                foreach (var (workload, label) in Workloads.Where(w => selected is null || selected.Contains(w.Workload)))
                {
                    var m = Spawn(provider, workload, shape.Units, path, size, answers, runs ?? (size >= 100_000 || shape.Units > SurveyBenchmarkData.Units ? 1 : 3), warmup, dir);
                    baseline ??= m;
                    var phases = string.Join(", ", m.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F2}")));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {provider} | {size:N0} | {label} | {m.Seconds:F2} | {m.CpuSeconds:F2} | {answers / m.Seconds:N0} | {size / m.Seconds:N0} | {baseline.Seconds / m.Seconds:F2} | {m.PeakWorkingSet / 1048576.0:F0}{(m.PeakWorkingSetReset ? "" : "*")} | {m.PeakManaged / 1048576.0:F0} | {m.AllocatedBytes / 1048576.0:F0} | {m.DatabaseBytes / 1048576.0:F0} | {phases} |"));
                }
            }
        }

        Console.WriteLine($"# load average {LoadAverage()} at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        return 0;
    }

    private static Measurement Spawn(string provider, string workload, int units, string path, int size, long answers, int runs, string warmup, string dir)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // Started as `dotnet ParIndex.Benchmarks.dll`: the child needs the assembly too.
            start.ArgumentList.Add(typeof(SurveyDatabaseImportMeasurement).Assembly.Location);
        }

        foreach (var arg in new[] { Command, ChildCommand, provider, workload, path, Invariant(size), Invariant(answers), Invariant(runs), warmup, dir, Invariant(units) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{provider} {workload} {size} failed: {output}");
        }

        return JsonSerializer.Deserialize<Measurement>(output.Trim().Split('\n')[^1])!;
    }

    private static async Task<int> ChildAsync(string[] args)
    {
        var (provider, workload, path) = (args[2], args[3], args[4]);
        var size = int.Parse(args[5], CultureInfo.InvariantCulture);
        var answers = long.Parse(args[6], CultureInfo.InvariantCulture);
        var runs = int.Parse(args[7], CultureInfo.InvariantCulture);
        var (warmup, dir) = (args[8], Path.Combine(args[9], "databases"));
        var units = int.Parse(args[10], CultureInfo.InvariantCulture);
        var shape = units == SurveyBenchmarkData.Units ? SurveyBenchmarkData.Default : SurveyBenchShape.National(units);

        // Warm-up (JIT, connection, file cache) on a throwaway database with the small file.
        var warmupAnswers = GeneratedSurveyAnswers.Answers(SurveyBenchmarkData.Questionnaire, WarmupRespondents).LongCount();
        await using (var database = await SurveyBenchDatabase.CreateAsync(provider, dir).ConfigureAwait(false))
        {
            await SurveyDatabaseWorkloads.RunAsync(workload, database, warmup, WarmupRespondents, warmupAnswers).ConfigureAwait(false);
        }

        // From here on the peak resident set is the timed runs' own (Linux: "5" clears VmHWM).
        var peakReset = TryResetPeakWorkingSet();
        using var sampler = new ManagedHeapSampler();
        var results = new List<SurveyDatabaseRun>();
        long allocated = 0;
        long databaseBytes = 0;
        for (var i = 0; i < runs; i++)
        {
            await using var database = await SurveyBenchDatabase.CreateAsync(provider, dir, shape).ConfigureAwait(false);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var run = await SurveyDatabaseWorkloads.RunAsync(workload, database, shape, path, size, answers).ConfigureAwait(false);
            var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            results.Add(run with { CpuSeconds = cpu });
            var stored = await SurveyDatabaseWorkloads.StoredAnswersAsync(database).ConfigureAwait(false);
            if (stored != answers)
            {
                throw new InvalidOperationException($"{stored} answers stored, {answers} expected.");
            }

            databaseBytes = await database.SizeBytesAsync().ConfigureAwait(false);
        }

        var median = results.OrderBy(r => r.Seconds).ElementAt(results.Count / 2);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var m = new Measurement(median.Seconds, median.CpuSeconds, median.Phases, allocated, self.PeakWorkingSet64, peakReset, sampler.Peak, databaseBytes);
        Console.WriteLine(JsonSerializer.Serialize(m));
        return 0;
    }

    private static bool TryResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <param name="PeakWorkingSetReset">True when the peak was reset after the warm-up (else it includes it).</param>
    /// <param name="PeakManaged">Largest <see cref="GC.GetTotalMemory"/> seen by a 10 ms sampler during the timed runs.</param>
    public sealed record Measurement(double Seconds, double CpuSeconds, Dictionary<string, double> Phases, long AllocatedBytes, long PeakWorkingSet,
        bool PeakWorkingSetReset, long PeakManaged, long DatabaseBytes);

    /// <summary>Samples the managed heap in use every 10 ms on its own thread and keeps the largest value.</summary>
    private sealed class ManagedHeapSampler : IDisposable
    {
        private readonly Thread thread;
        private volatile bool stop;
        private long peak;

        public ManagedHeapSampler()
        {
            thread = new Thread(() =>
            {
                while (!stop)
                {
                    var now = GC.GetTotalMemory(forceFullCollection: false);
                    if (now > Interlocked.Read(ref peak))
                    {
                        Interlocked.Exchange(ref peak, now);
                    }

                    Thread.Sleep(10);
                }
            })
            { IsBackground = true, Name = "heap sampler" };
            thread.Start();
        }

        public long Peak => Interlocked.Read(ref peak);

        public void Dispose()
        {
            stop = true;
            thread.Join();
        }
    }
}
