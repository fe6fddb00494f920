using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ParIndex.Tests.Shared;

/// <summary>
/// A deterministic fuzz run: a fixed seed per target, cases generated from it, each case run on a
/// worker with a per-case timeout (hang guard) and an allocation bound measured on the worker's
/// thread. A case passes when it returns or throws one of the target's documented exceptions.
/// <c>PARINDEX_FUZZ_CASES</c> multiplies every target's default count (docs/fuzzing.md).
/// </summary>
internal static class Fuzz
{
    /// <summary>The multiplier from <c>PARINDEX_FUZZ_CASES</c> (a whole number ≥ 1; 1 when unset).</summary>
    public static int Scale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("PARINDEX_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;

    /// <summary>Where each target writes its line (cases, outcomes, time): next to the test assembly.</summary>
    public static string ResultsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "fuzz-results");

    /// <summary>Runs <paramref name="cases"/> × <see cref="Scale"/> cases and fails with the first case that crashed, hung or grew past the bound.</summary>
    /// <param name="run">One case: builds its input from the case's own <see cref="Random"/> and runs the target; returns a short outcome label.</param>
    /// <param name="expected">The documented failures of the target (a format error with its line, …).</param>
    public static FuzzSummary Run(string target, int seed, int cases, Func<Random, string> run, Func<Exception, bool> expected,
        long maxAllocatedBytes, TimeSpan? perCase = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(expected);
        var timeout = perCase ?? TimeSpan.FromSeconds(10);
        var total = cases * Scale;
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long largest = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            // One Random per case: a failure is reproduced from (seed, case) alone (not HashCode: it is salted per process).
            var caseSeed = unchecked((seed * 1_000_003) + i);
            var work = Task.Run(() =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                string outcome;
                try
                {
                    outcome = run(new Random(caseSeed));
                }
                catch (Exception ex) when (expected(ex))
                {
                    outcome = ex.GetType().Name;
                }

                return (Outcome: outcome, Allocated: GC.GetAllocatedBytesForCurrentThread() - before);
            });
            // Wait without throwing: a fault is reported below with its case.
            if (!((IAsyncResult)work).AsyncWaitHandle.WaitOne(timeout))
            {
                throw new FuzzFailure($"{target}: case {i} (seed {seed}) did not finish within {timeout.TotalSeconds} s.");
            }

            if (work.IsFaulted)
            {
                var ex = work.Exception!.InnerException!;
                throw new FuzzFailure($"{target}: case {i} (seed {seed}) crashed with {ex.GetType().Name}: {ex.Message}", ex);
            }

            var (label, allocated) = work.Result;
            if (allocated > maxAllocatedBytes)
            {
                throw new FuzzFailure($"{target}: case {i} (seed {seed}) allocated {allocated} bytes, over the bound of {maxAllocatedBytes}.");
            }

            largest = Math.Max(largest, allocated);
            outcomes[label] = outcomes.GetValueOrDefault(label) + 1;
        }

        var summary = new FuzzSummary(target, seed, total, outcomes, largest, clock.Elapsed);
        Directory.CreateDirectory(ResultsFolder);
        File.WriteAllText(Path.Combine(ResultsFolder, target + ".txt"), summary + "\n");
        return summary;
    }

    // Generators shared by the targets.

    /// <summary>Text a person would not type: controls, NUL, surrogates halves, combining marks, RTL, emoji.</summary>
    public static string RandomUnicode(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(12) switch
            {
                0 => '\0',
                1 => (char)random.Next(1, 32),
                2 => (char)random.Next(0xD800, 0xE000), // a lone surrogate
                3 => (char)random.Next(0x300, 0x370), // combining marks
                4 => "ảạăắằẳẵặâấầẩẫậđ"[random.Next(15)],
                5 => '\u202E',
                6 => '\uFEFF',
                7 => "\"',;:{}[]()\\/"[random.Next(13)],
                8 => (char)random.Next(0x10000),
                _ => (char)random.Next(0x20, 0x7F),
            });
        }

        return text.ToString();
    }

    /// <summary>Numbers that break parsers: huge, tiny, signed, exponents, separators of both cultures.</summary>
    public static string RandomNumberText(Random random) => random.Next(12) switch
    {
        0 => "1" + new string('0', random.Next(20, 400)),
        1 => "-" + random.Next().ToString(CultureInfo.InvariantCulture),
        2 => "1e" + random.Next(-400, 400).ToString(CultureInfo.InvariantCulture),
        3 => "79228162514264337593543950336",
        4 => "0," + new string('9', random.Next(1, 60)),
        5 => "1.000.000,5",
        6 => "NaN",
        7 => "∞",
        8 => "0x1F",
        9 => (random.NextDouble() * Math.Pow(10, random.Next(-30, 30))).ToString("R", CultureInfo.InvariantCulture),
        10 => "",
        _ => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Byte-level mutations of a valid input: flips, drops, duplications, truncation, insertions of random bytes.</summary>
    public static byte[] MutateBytes(Random random, byte[] input)
    {
        var bytes = new List<byte>(input);
        var mutations = 1 + random.Next(8);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(64)));
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + random.Next(256))));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at); // truncation
                    break;
                default:
                    var insert = new byte[1 + random.Next(32)];
                    random.NextBytes(insert);
                    bytes.InsertRange(at, insert);
                    break;
            }
        }

        return [.. bytes];
    }
}

/// <summary>What a fuzz target did: cases run, outcomes by kind, the largest allocation of one case, the time.</summary>
internal sealed record FuzzSummary(string Target, int Seed, int Cases, IReadOnlyDictionary<string, int> Outcomes, long LargestAllocation, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Target}: {Cases} cases, seed {Seed}, 0 crashes, 0 hangs; largest case {LargestAllocation / 1024} KB allocated; {Elapsed.TotalSeconds:0.0} s; "
        + string.Join(", ", Outcomes.Select(o => $"{o.Key} {o.Value}"));
}

internal sealed class FuzzFailure : Exception
{
    public FuzzFailure()
    {
    }

    public FuzzFailure(string message)
        : base(message)
    {
    }

    public FuzzFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
