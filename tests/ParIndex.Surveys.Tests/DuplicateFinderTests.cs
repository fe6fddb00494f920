using ParIndex.Surveys.Responses;

namespace ParIndex.Surveys.Tests;

public sealed class DuplicateFinderTests : IDisposable
{
    private readonly string tempDirectory = Directory.CreateTempSubdirectory("parindex-finder-test-").FullName;

    public void Dispose() => Directory.Delete(tempDirectory, recursive: true);

    private sealed record Seen(bool NewKey, string Key, int Row, int Unit, short Question, ushort Answers, byte ProblemsBefore, RowFlags Flags, string Extra);

    private static List<Seen> VisitAll(DuplicateFinder finder)
    {
        var seen = new List<Seen>();
        finder.Visit(r => seen.Add(new Seen(r.NewKey, r.Key(), r.Facts.Row, r.Facts.Unit, r.Facts.Question, r.Facts.Answers, r.Facts.ProblemsBefore, r.Facts.Flags, r.Extra())));
        return seen;
    }

    /// <summary>Checks what a visit must give: each key's rows together, in row order, the first marked new, nothing lost or invented.</summary>
    private static void AssertGroupsMatch(IReadOnlyList<(string Key, int Row)> added, List<Seen> seen)
    {
        Assert.Equal(added.Count, seen.Count);
        var expected = added.GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(a => a.Row).Order().ToList(), StringComparer.Ordinal);
        var groups = new List<(string Key, List<int> Rows)>();
        foreach (var s in seen)
        {
            if (s.NewKey)
            {
                groups.Add((s.Key, []));
            }

            Assert.Equal(groups[^1].Key, s.Key);
            groups[^1].Rows.Add(s.Row);
        }

        Assert.Equal(expected.Count, groups.Count);
        foreach (var (key, rows) in groups)
        {
            Assert.Equal(expected[key], rows);
        }
    }

    private static List<(string Key, int Row)> Respondents(int count, int seed)
    {
        // 4,000 rows: ids R0000–R2999 once, and 1,000 repeats of ids drawn anywhere in the file.
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(i => $"R{i:D4}").ToList();
        for (var i = 0; i < count / 3; i++)
        {
            rows.Insert(random.Next(rows.Count + 1), rows[random.Next(rows.Count)]);
        }

        return rows.Select((key, i) => (key, i + 2)).ToList();
    }

    [Fact]
    public void Small_runs_spill_and_the_merge_brings_every_key_together_in_row_order()
    {
        var added = Respondents(3000, seed: 7);
        using var finder = new DuplicateFinder(runRecords: 250, fanIn: 64, tempDirectory);
        foreach (var (key, row) in added)
        {
            finder.Add(key, new RowFacts(row, row % 7, -1, (ushort)(row % 20), (byte)(row % 3), RowFlags.Valid));
        }

        Assert.Equal(15, finder.RunsWritten);
        var seen = VisitAll(finder);
        Assert.Equal(16, finder.RunsWritten);
        AssertGroupsMatch(added, seen);
        // The facts come back with their row.
        Assert.All(seen, s => Assert.Equal((s.Row % 7, (ushort)(s.Row % 20), (byte)(s.Row % 3), RowFlags.Valid), (s.Unit, s.Answers, s.ProblemsBefore, s.Flags)));
        // Duplicates across runs: rows 250 apart or more are in different runs.
        Assert.Contains(added.GroupBy(a => a.Key), g => g.Max(a => a.Row) - g.Min(a => a.Row) > 1000);
    }

    [Fact]
    public void More_runs_than_the_fan_in_are_merged_in_steps()
    {
        var added = Respondents(3000, seed: 11);
        using var finder = new DuplicateFinder(runRecords: 37, fanIn: 3, tempDirectory);
        foreach (var (key, row) in added)
        {
            finder.Add(key, new RowFacts(row, -1, (short)(row % 5), 0, 0, RowFlags.None));
        }

        Assert.True(finder.RunsWritten > 100);
        var written = finder.BytesWritten;
        var seen = VisitAll(finder);
        AssertGroupsMatch(added, seen);
        Assert.True(finder.BytesWritten > written, "the intermediate merges write bigger runs");
    }

    [Fact]
    public void A_small_file_stays_in_memory()
    {
        var added = Respondents(300, seed: 3);
        using var finder = new DuplicateFinder(DuplicateFinder.DefaultRunRecords, DuplicateFinder.DefaultFanIn, tempDirectory);
        foreach (var (key, row) in added)
        {
            finder.Add(key, new RowFacts(row, 0, -1, 0, 0, RowFlags.Valid));
        }

        AssertGroupsMatch(added, VisitAll(finder));
        Assert.Equal(0, finder.RunsWritten);
        Assert.Equal(0, finder.BytesWritten);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(100_000)]
    public void Equal_fingerprints_of_different_keys_are_not_duplicates(int runRecords)
    {
        // Every key gets the same fingerprint: only the key bytes can tell them apart.
        // "Nguyễn" is stored as UTF-16, the others as ASCII; "\uD800" and "\uDBFF" are lone surrogates that UTF-8 would merge.
        string[] keys = ["a", "b", "Nguyễn", "a", "Nguyen", "\uD800", "\uDBFF", "Nguyễn", "A", "b", "\uD800"];
        using var finder = new DuplicateFinder(runRecords, fanIn: 2, tempDirectory, fingerprint: _ => 42UL);
        var added = keys.Select((k, i) => (k, i + 2)).ToList();
        foreach (var (key, row) in added)
        {
            finder.Add(key, new RowFacts(row, 0, -1, 0, 0, RowFlags.None));
        }

        var seen = VisitAll(finder);
        AssertGroupsMatch(added, seen);
        Assert.Equal(["Nguyễn", "a", "b", "\uD800"], seen.Where(s => !s.NewKey).Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Extra_text_and_long_keys_come_back_whole()
    {
        var longKey = new string('x', 100_000);
        using var finder = new DuplicateFinder(runRecords: 2, fanIn: 2, tempDirectory);
        finder.Add(longKey, new RowFacts(2, 1, 3, 1, 2, RowFlags.AnswerInvalid), "câu trả lời lạ");
        finder.Add("k", new RowFacts(3, 1, 3, 1, 0, RowFlags.Valid));
        finder.Add(longKey, new RowFacts(4, 2, 4, 0, 1, RowFlags.Valid));
        var seen = VisitAll(finder);
        var first = seen.Single(s => s.Row == 2);
        Assert.Equal((longKey, "câu trả lời lạ", RowFlags.AnswerInvalid, (short)3), (first.Key, first.Extra, first.Flags, first.Question));
        Assert.Equal((longKey, false), (seen.Single(s => s.Row == 4).Key, seen.Single(s => s.Row == 4).NewKey));
    }

    [Fact]
    public void The_temporary_file_is_gone_after_the_visit_and_after_an_exception()
    {
        var finder = new DuplicateFinder(runRecords: 10, fanIn: 2, tempDirectory);
        foreach (var (key, row) in Respondents(100, seed: 5))
        {
            finder.Add(key, new RowFacts(row, 0, -1, 0, 0, RowFlags.None));
        }

        Assert.True(finder.RunsWritten > 0);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tempDirectory));
        if (OperatingSystem.IsLinux())
        {
            // Unlinked at once, the file lives only through the finder's handle…
            Assert.Single(OpenFilesUnder(tempDirectory));
        }

        var thrown = Assert.Throws<InvalidOperationException>(() => finder.Visit(_ => throw new InvalidOperationException("người gọi hỏng")));
        Assert.Equal("người gọi hỏng", thrown.Message);
        finder.Dispose();
        // …and the handle is closed by Dispose, after a failed visit too.
        Assert.Empty(OpenFilesUnder(tempDirectory));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tempDirectory));
        Assert.Throws<ObjectDisposedException>(() => finder.Add("x", default));
    }

    /// <summary>Files this process holds open under a directory, deleted ones included (Linux: /proc/self/fd).</summary>
    internal static List<string> OpenFilesUnder(string directory)
    {
        var open = new List<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(directory, StringComparison.Ordinal))
                {
                    open.Add(target);
                }
            }
            catch (IOException)
            {
                // The descriptor closed while listing.
            }
        }

        return open;
    }
}
