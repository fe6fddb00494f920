using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;

namespace ParIndex.Data.Surveys;

/// <summary>The outcome of importing a response file into a campaign.</summary>
public sealed record SurveyCampaignImportResult(
    SurveyImportStatus Status,
    SurveyValidationReport Report,
    string ContentHash,
    int? BatchId,
    long AnswersWritten,
    SurveyRescoreSummary? Rescore);

/// <summary>
/// Imports a response file into a campaign, all or nothing: in one database transaction the batch
/// row, every answer (through the provider's bulk sink) and the re-scored survey leaves and SIPAS.
/// A file with any problem, or one imported before (same SHA-256), writes nothing.
/// </summary>
public sealed class SurveyCampaignImporter(ParIndexDbContext db, ISurveyAnswerSinkFactory sinks, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>Units re-scored and written per chunk (ADR 0143); lower only to test the chunking.</summary>
    public int UnitsPerChunk { get; init; } = SurveyCampaignScorer.DefaultUnitsPerChunk;

    /// <summary>Distinct answer counts the sink holds before writing them out (<see cref="DbSurveyAnswerSink.HeldCounts"/>); null: the sink's default.</summary>
    public int? HeldCounts { get; init; }

    /// <summary>Whether the result keeps every unit's scores (<see cref="SurveyRescoreSummary.Scores"/>), for a report that lists them; memory then grows with the campaign.</summary>
    public bool KeepScores { get; init; }

    public async Task<SurveyCampaignImportResult> ImportAsync(int campaignId, int questionnaireId, ResponseFile file,
        SurveyColumnMapping mapping, string importedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(mapping);
        var context = await SurveyCampaignContext.LoadAsync(db, campaignId, forWrite: true, cancellationToken).ConfigureAwait(false);
        if (!context.Questionnaires.TryGetValue(questionnaireId, out var questionnaire))
        {
            throw new SurveyCampaignException(SurveyCampaignProblem.NotFound, $"Kỳ đánh giá không có phiếu khảo sát {questionnaireId}.", $"The campaign has no questionnaire {questionnaireId}.");
        }

        // Only units assessed in this campaign may receive answers.
        var knownUnits = context.UnitIds.Keys.ToHashSet(StringComparer.Ordinal);
        var campaignMapping = mapping with { KnownUnits = knownUnits };
        var target = new SurveyAnswerTarget(campaignId, questionnaireId, context.UnitIds, importedBy, clock.GetUtcNow().UtcDateTime);

        // Inside a caller's transaction (the demo seeder's) the caller commits or rolls back.
        if (db.Database.CurrentTransaction is not null)
        {
            return await ImportInTransactionAsync(file, importedBy, context, questionnaire, campaignMapping, target, owned: null, cancellationToken).ConfigureAwait(false);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return await ImportInTransactionAsync(file, importedBy, context, questionnaire, campaignMapping, target, transaction, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The import proper; <paramref name="owned"/> is the transaction this importer opened, null inside the caller's.</summary>
    private async Task<SurveyCampaignImportResult> ImportInTransactionAsync(ResponseFile file, string importedBy,
        SurveyCampaignContext context, Questionnaire questionnaire, SurveyColumnMapping campaignMapping, SurveyAnswerTarget target,
        IDbContextTransaction? owned, CancellationToken cancellationToken)
    {
        var sink = sinks.Create(db, target);
        if (HeldCounts is { } held)
        {
            sink.HeldCounts = held;
        }

        await using (sink.ConfigureAwait(false))
        {
            // No scoring in the validation pass: the campaign is re-scored from the stored counts below.
            var result = await SurveyImporter.ImportAsync(file, questionnaire, framework: null, campaignMapping, sink, cancellationToken).ConfigureAwait(false);
            if (result.Status != SurveyImportStatus.Imported)
            {
                // Nothing was written: the importer refuses before it begins a batch.
                if (owned is not null)
                {
                    await owned.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }

                return new SurveyCampaignImportResult(result.Status, result.Report, result.ContentHash, null, 0, null);
            }

            var rescore = await new SurveyCampaignScorer(db, clock).RescoreAsync(context, importedBy, sinks.Rows, UnitsPerChunk, KeepScores, cancellationToken).ConfigureAwait(false);
            db.History.Add(new History.HistoryEntry
            {
                At = target.ImportedAt,
                UserName = importedBy,
                Entity = nameof(SurveyBatchRecord),
                Field = "Import",
                NewValue = $"{file.Name}: {result.Report.Respondents} người trả lời, {result.AnswersWritten} câu trả lời",
                Reason = $"Phiếu {questionnaire.Id}, SHA-256 {result.ContentHash}",
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return new SurveyCampaignImportResult(SurveyImportStatus.Imported, result.Report, result.ContentHash, sink.BatchId, result.AnswersWritten, rescore);
        }
    }

    /// <summary>
    /// Re-scores a campaign from its stored answers in one transaction, as an import ends: writes only
    /// the leaves whose points or memo differ (none when the stored scores are current).
    /// </summary>
    public async Task<SurveyRescoreSummary> RescoreAsync(int campaignId, string userName, CancellationToken cancellationToken = default)
    {
        var context = await SurveyCampaignContext.LoadAsync(db, campaignId, forWrite: true, cancellationToken).ConfigureAwait(false);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var rescore = await new SurveyCampaignScorer(db, clock).RescoreAsync(context, userName, sinks.Rows, UnitsPerChunk, KeepScores, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return rescore;
        }).ConfigureAwait(false);
    }

    /// <summary>Deletes a batch with its answers and re-scores the campaign, in one transaction.</summary>
    public async Task<SurveyRescoreSummary> DeleteBatchAsync(int batchId, string deletedBy, CancellationToken cancellationToken = default)
    {
        var batch = await db.SurveyBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken).ConfigureAwait(false)
            ?? throw new SurveyCampaignException(SurveyCampaignProblem.NotFound, $"Không có lô nhập {batchId}.", $"There is no import batch {batchId}.");
        var context = await SurveyCampaignContext.LoadAsync(db, batch.CampaignId, forWrite: true, cancellationToken).ConfigureAwait(false);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Set-based: a batch may hold millions of answers.
            await db.SurveyAnswers.Where(a => a.BatchId == batchId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.SurveyAnswerCounts.Where(c => c.BatchId == batchId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.SurveyBatches.Where(b => b.Id == batchId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var rescore = await new SurveyCampaignScorer(db, clock).RescoreAsync(context, deletedBy, sinks.Rows, UnitsPerChunk, KeepScores, cancellationToken).ConfigureAwait(false);
            db.History.Add(new History.HistoryEntry
            {
                At = clock.GetUtcNow().UtcDateTime,
                UserName = deletedBy,
                Entity = nameof(SurveyBatchRecord),
                Field = "Delete",
                OldValue = $"{batch.SourceName}: {batch.Respondents} người trả lời, {batch.Answers} câu trả lời",
                Reason = $"SHA-256 {batch.ContentHash}",
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return rescore;
        }).ConfigureAwait(false);
    }
}
