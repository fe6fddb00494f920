using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;

namespace ParIndex.Benchmarks.Surveys;

/// <summary>The two workloads compared: the full import and the baseline that only splits lines into cells.</summary>
public static class SurveyImportWorkloads
{
    /// <summary>
    /// Baseline: read every line and split it into the same number of cells (string per cell), with
    /// no quoting rules, no validation, no scoring and no sink. What any loader pays at the least.
    /// </summary>
    public static long SplitLines(string path)
    {
        long cells = 0;
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 16);
        while (reader.ReadLine() is { } line)
        {
            cells += line.Split(',').Length;
        }

        return cells;
    }

    /// <summary>
    /// The import end to end: SHA-256 of the file, pass 1 (RFC 4180 read, validation of every
    /// cell, scoring and SIPAS), pass 2 (read again and write answers in chunks to the in-memory
    /// sink, which counts rather than keeps them).
    /// </summary>
    public static SurveyImportResult Import(string path) => Import(path, SurveyBenchmarkData.Mapping);

    /// <summary>The same import of a file in the shape <paramref name="mapping"/> describes.</summary>
    public static SurveyImportResult Import(string path, SurveyColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var sink = new InMemorySurveyAnswerSink(retainAnswers: false);
        var result = SurveyImporter.ImportAsync(ResponseFile.FromPath(path), SurveyBenchmarkData.Questionnaire, SurveyBenchmarkData.Framework, mapping, sink)
            .GetAwaiter().GetResult();
        if (result.Status != SurveyImportStatus.Imported || sink.CommittedCount != result.AnswersWritten)
        {
            throw new InvalidOperationException($"Benchmark import failed: {result.Status}, {(result.Report.Problems.Count > 0 ? result.Report.Problems[0] : null)}");
        }

        return result;
    }
}
