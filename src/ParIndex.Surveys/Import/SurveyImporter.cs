using System.Security.Cryptography;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Responses;

namespace ParIndex.Surveys.Import;

public enum SurveyImportStatus
{
    /// <summary>Every answer was written and committed.</summary>
    Imported,

    /// <summary>The file has problems; nothing was written.</summary>
    Invalid,

    /// <summary>A file with the same content was imported before; nothing was written.</summary>
    AlreadyImported,
}

/// <summary>The outcome of an import: the report of the validation pass, the batch hash and the scores of the file's answers.</summary>
public sealed record SurveyImportResult(
    SurveyImportStatus Status,
    SurveyValidationReport Report,
    string ContentHash,
    long AnswersWritten,
    SurveyScoreResult? Scores);

/// <summary>
/// Imports a response file in two passes: the first validates every row (and scores the answers),
/// the second writes them to the sink in chunks, inside one batch. A file with any problem writes
/// nothing; a file whose SHA-256 the sink already holds is refused.
/// </summary>
public static class SurveyImporter
{
    /// <summary>Answers per <see cref="ISurveyAnswerSink.WriteAsync"/> call.</summary>
    public const int ChunkSize = 8192;

    /// <summary>
    /// Validates and scores a file without writing anything (one pass). Throws <see cref="SurveyFileFormatException"/>
    /// when the file cannot be opened. The scores are the file's only when the report is valid: rows found repeated
    /// after the pass were scored before they were known to be repeats.
    /// </summary>
    public static (SurveyValidationReport Report, SurveyScoreResult Scores) ValidateAndScore(
        ResponseFile file, Questionnaire questionnaire, SurveyColumnMapping mapping, SurveyScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(scorer);
        var problems = new SurveyProblemCollector();
        var report = Pass(file, questionnaire, mapping, problems, scorer, CancellationToken.None);
        return (report, scorer.Result());
    }

    /// <param name="framework">
    /// Scores the file's answers in the validation pass (<see cref="SurveyImportResult.Scores"/>); null does not:
    /// a caller that re-scores from what it stored (the campaign importer) would only hold units × leaves sums for nothing.
    /// </param>
    public static async Task<SurveyImportResult> ImportAsync(
        ResponseFile file, Questionnaire questionnaire, Core.Frameworks.Framework? framework, SurveyColumnMapping mapping,
        ISurveyAnswerSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(sink);
        var hash = await ContentHashAsync(file, cancellationToken).ConfigureAwait(false);
        if (await sink.ContainsBatchAsync(hash, cancellationToken).ConfigureAwait(false))
        {
            var nothing = new SurveyValidationReport([], 0, 0, 0, 0, new Dictionary<string, int>(), []);
            return new SurveyImportResult(SurveyImportStatus.AlreadyImported, nothing, hash, 0, null);
        }

        var scorer = framework is null ? null : new SurveyScorer(framework);
        var report = Pass(file, questionnaire, mapping, new SurveyProblemCollector(), scorer, cancellationToken);
        if (!report.IsValid)
        {
            return new SurveyImportResult(SurveyImportStatus.Invalid, report, hash, 0, null);
        }

        var batch = new SurveyBatch(hash, questionnaire.Id, questionnaire.RespondentGroup, file.Name, report.Respondents, report.Answers);
        await sink.BeginBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        long written;
        try
        {
            written = await WriteAsync(file, questionnaire, mapping, sink, cancellationToken).ConfigureAwait(false);
            if (written != report.Answers)
            {
                throw new SurveyFileFormatException($"Tệp {file.Name} đã thay đổi trong khi nhập ({report.Answers} câu trả lời khi kiểm tra, {written} khi ghi); không ghi gì, hãy nhập lại.");
            }

            await sink.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await sink.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return new SurveyImportResult(SurveyImportStatus.Imported, report, hash, written, scorer?.Result());
    }

    /// <summary>SHA-256 of the file's bytes, hex lower case: the same file imported twice has the same batch hash.</summary>
    public static async Task<string> ContentHashAsync(ResponseFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var stream = file.Open();
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }

    private static SurveyValidationReport Pass(ResponseFile file, Questionnaire questionnaire, SurveyColumnMapping mapping,
        SurveyProblemCollector problems, SurveyScorer? scorer, CancellationToken cancellationToken)
    {
        // A file that cannot be opened at all (a broken workbook) throws SurveyFileFormatException;
        // problems inside a readable file are collected by row and column.
        using var table = file.OpenTable();
        // Disposing the reader releases the duplicate check's temporary file, on cancellation too.
        using var reader = new SurveyResponseReader(table, questionnaire, mapping, problems, scorer);
        for (var rows = 1; reader.ReadRow(null); rows++)
        {
            if (rows % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return reader.Report();
    }

    private static async Task<long> WriteAsync(ResponseFile file, Questionnaire questionnaire, SurveyColumnMapping mapping,
        ISurveyAnswerSink sink, CancellationToken cancellationToken)
    {
        var problems = new SurveyProblemCollector();
        var buffer = new List<SurveyAnswer>(ChunkSize + 64);
        var chunk = new SurveyAnswer[ChunkSize + 64];
        long written = 0;
        using var table = file.OpenTable();
        // Pass 1 checked duplicates and counted respondents; this pass re-checks every cell in case
        // the file changed meanwhile, with no respondent sort (its report is not read).
        using var reader = new SurveyResponseReader(table, questionnaire, mapping, problems, scorer: null, checkDuplicates: false,
            countRespondents: false, DuplicateFinder.DefaultRunRecords, tempDirectory: null);
        while (reader.ReadRow(buffer))
        {
            if (problems.Total > 0)
            {
                break;
            }

            if (buffer.Count >= ChunkSize)
            {
                written += await Flush(buffer, chunk, sink, cancellationToken).ConfigureAwait(false);
            }
        }

        if (problems.Total > 0)
        {
            throw new SurveyFileFormatException($"Tệp {file.Name} đã thay đổi trong khi nhập: {problems.Kept[0]}");
        }

        written += await Flush(buffer, chunk, sink, cancellationToken).ConfigureAwait(false);
        return written;
    }

    private static async Task<int> Flush(List<SurveyAnswer> buffer, SurveyAnswer[] chunk, ISurveyAnswerSink sink, CancellationToken cancellationToken)
    {
        var count = buffer.Count;
        if (count > 0)
        {
            if (chunk.Length < count)
            {
                chunk = new SurveyAnswer[count];
            }

            // One reused array: the sink may keep nothing of it after the write completes.
            buffer.CopyTo(chunk);
            buffer.Clear();
            await sink.WriteAsync(chunk.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }

        return count;
    }
}
