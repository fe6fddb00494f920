using System.Text;
using BenchmarkDotNet.Attributes;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Benchmarks.OfficialTables;

/// <summary>
/// Reading and verifying the seed table (Bắc Giang 2023, 172 lines). Baseline: decoding the same
/// bytes and splitting every line into its tab-separated cells — the least any reader must do.
/// </summary>
[MemoryDiagnoser]
public class SeedTableBenchmarks
{
    private byte[] seed = null!;

    [GlobalSetup]
    public void Setup() =>
        seed = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2023-self-assessment.txt"));

    [Benchmark(Baseline = true, Description = "baseline: decode + split cells")]
    public int SplitCells()
    {
        var cells = 0;
        foreach (var line in Encoding.UTF8.GetString(seed).Split('\n'))
        {
            cells += line.Split('\t').Length;
        }

        return cells;
    }

    [Benchmark(Description = "read + build tree + verify")]
    public int ReadAndVerify()
    {
        var table = OfficialTableTextReader.Read(seed.AsSpan());
        return OfficialTableVerifier.Verify(table).Count + table.Rows.Count;
    }
}
