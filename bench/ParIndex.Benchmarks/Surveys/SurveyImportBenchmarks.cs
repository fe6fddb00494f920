using BenchmarkDotNet.Attributes;

namespace ParIndex.Benchmarks.Surveys;

/// <summary>
/// The survey import at 10,000 respondents × 20 questions under BenchmarkDotNet (run with
/// <c>--job short</c>), next to the split-lines baseline. The 100k and 1M sizes are measured by the
/// console mode (<see cref="SurveyImportMeasurement"/>), where BenchmarkDotNet's iterations are too slow.
/// </summary>
[MemoryDiagnoser]
public class SurveyImportBenchmarks
{
    private string path = null!;

    [GlobalSetup]
    public void Setup() => path = SurveyBenchmarkData.EnsureFile(Path.Combine(Path.GetTempPath(), "parindex-bench-surveys"), 10_000);

    [Benchmark(Baseline = true, Description = "baseline: split lines (10k)")]
    public long SplitLines() => SurveyImportWorkloads.SplitLines(path);

    [Benchmark(Description = "import: hash + validate + score + write (10k)")]
    public long Import() => SurveyImportWorkloads.Import(path).AnswersWritten;
}
