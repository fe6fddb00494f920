using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Surveys;
using ParIndex.Data.Bulk;

namespace ParIndex.Data.Surveys;

/// <summary>
/// What re-scoring a campaign changed; <see cref="AnswersRead"/> counts the answers behind the stored counts.
/// <see cref="Scores"/> (every unit × survey leaf, ordered by unit code) only when asked for: holding them grows with the campaign.
/// </summary>
public sealed record SurveyRescoreSummary(int UnitsScored, int LeavesChanged, long AnswersRead, SurveyScoreResult? Scores);

/// <summary>
/// Re-scores a campaign's survey from its stored answers (every batch of every questionnaire, read
/// through the per-batch <see cref="SurveyAnswerCount"/>s written with them): writes each
/// assessment's survey leaves (<see cref="Assessments.LeafEntry.SurveyScore"/> with its memo, a history line per
/// change) and replaces the campaign's SIPAS rows, set-based (<see cref="SurveyScoreWriter"/>). The stored batches are the one source of truth,
/// so an import, a deleted batch or a re-run all end in the same scores.
/// Works a chunk of units at a time (read that chunk's counts, score, write its changes, next
/// chunk): memory is bounded by the chunk, not by the campaign (ADR 0143).
/// Runs inside the caller's transaction; does not commit.
/// </summary>
public sealed class SurveyCampaignScorer(ParIndexDbContext db, TimeProvider? time = null)
{
    /// <summary>Units per chunk of re-scoring: about 27,000 survey leaves with their memos at a time.</summary>
    public const int DefaultUnitsPerChunk = 1_000;

    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>
    /// The survey scores of a campaign (or of one unit) from its stored answers, without writing
    /// anything: what the pages show next to the stored points.
    /// </summary>
    public async Task<SurveyScoreResult> ScoreAsync(int campaignId, int? unitId = null, CancellationToken cancellationToken = default)
    {
        var context = await SurveyCampaignContext.LoadAsync(db, campaignId, forWrite: false, cancellationToken).ConfigureAwait(false);
        var (result, _) = await ScoreStoredAnswersAsync(context, unitId, unitId, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Re-scores and writes set-based through <paramref name="rows"/> (ADR 0139), <paramref name="unitsPerChunk"/>
    /// units at a time in the order of their ids; saves nothing through EF.
    /// </summary>
    internal async Task<SurveyRescoreSummary> RescoreAsync(SurveyCampaignContext context, string userName, IBulkRowWriter rows,
        int unitsPerChunk, bool keepScores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitsPerChunk);
        var campaignId = context.Campaign.Id;
        var writer = new SurveyScoreWriter(db, rows, clock.GetUtcNow().UtcDateTime, userName);
        var surveyLeaves = context.Framework.Leaves().Where(l => l.IsSurvey).Select(l => l.Code).ToList();
        await writer.BeginAsync(campaignId, cancellationToken).ConfigureAwait(false);
        var units = 0;
        var changed = 0;
        long read = 0;
        List<SurveyLeafScore>? leaves = keepScores ? [] : null;
        List<SipasScore>? sipas = keepScores ? [] : null;
        foreach (var chunk in context.UnitIds.Values.Order().Chunk(unitsPerChunk))
        {
            // Unit ids ascending: the chunk is the range [first, last], which the counts' index serves.
            var (result, chunkRead) = await ScoreStoredAnswersAsync(context, chunk[0], chunk[^1], cancellationToken).ConfigureAwait(false);
            read += chunkRead;
            units += result.Leaves.Select(l => l.UnitCode).Distinct(StringComparer.Ordinal).Count();
            changed += await writer.WriteLeavesAsync(campaignId, chunk[0], chunk[^1], surveyLeaves, result, cancellationToken).ConfigureAwait(false);
            await writer.WriteSipasAsync(campaignId, context.UnitIds, result, cancellationToken).ConfigureAwait(false);
            leaves?.AddRange(result.Leaves);
            sipas?.AddRange(result.Sipas);
        }

        await writer.EndAsync(cancellationToken).ConfigureAwait(false);
        // Each chunk is ordered by unit code; the whole, as one scoring of the campaign would give it (stable sorts).
        var scores = keepScores
            ? new SurveyScoreResult([.. leaves!.OrderBy(l => l.UnitCode, StringComparer.Ordinal)], [.. sipas!.OrderBy(s => s.UnitCode, StringComparer.Ordinal)])
            : null;
        return new SurveyRescoreSummary(units, changed, read, scores);
    }

    /// <summary>The scores of the units whose ids lie in [<paramref name="fromUnit"/>, <paramref name="toUnit"/>] (all when null).</summary>
    private async Task<(SurveyScoreResult Result, long Read)> ScoreStoredAnswersAsync(SurveyCampaignContext context, int? fromUnit, int? toUnit, CancellationToken cancellationToken)
    {
        var campaignId = context.Campaign.Id;
        var scorer = new SurveyScorer(context.Framework);
        var unitCodes = context.UnitIds.ToDictionary(u => u.Value, u => u.Key);
        var questions = new Dictionary<(int Questionnaire, string Code), SurveyQuestion?>();
        long read = 0;
        // The counts stored with each batch (units × questions × answer keys), not the answers
        // themselves: re-scoring costs the same for a thousand respondents or for millions.
        var counts = db.SurveyAnswerCounts.AsNoTracking()
            .Where(c => (fromUnit == null || c.UnitId >= fromUnit) && (toUnit == null || c.UnitId <= toUnit))
            .Join(db.SurveyBatches.Where(b => b.CampaignId == campaignId), c => c.BatchId, b => b.Id,
                (c, b) => new { b.QuestionnaireId, c.UnitId, c.QuestionCode, c.AnswerKey, c.Answers, c.WeightSum })
            .AsAsyncEnumerable();
        await foreach (var c in counts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            read += c.Answers;
            if (!questions.TryGetValue((c.QuestionnaireId, c.QuestionCode), out var question))
            {
                question = context.Questionnaires.TryGetValue(c.QuestionnaireId, out var q) ? q.Find(c.QuestionCode) : null;
                questions.Add((c.QuestionnaireId, c.QuestionCode), question);
            }

            var option = question?.Scale.Find(c.AnswerKey);
            if (question is null || option is null || !unitCodes.TryGetValue(c.UnitId, out var unitCode))
            {
                // Questionnaires with batches cannot be edited, so stored answers always match them.
                throw new SurveyCampaignException(SurveyCampaignProblem.Invalid,
                    $"Câu trả lời đã lưu ({c.QuestionCode} = \"{c.AnswerKey}\") không khớp phiếu khảo sát hoặc đơn vị của kỳ đánh giá.",
                    $"A stored answer ({c.QuestionCode} = \"{c.AnswerKey}\") does not match the questionnaire or the units of the campaign.");
            }

            scorer.AddCounted(unitCode, question, option, c.Answers, c.WeightSum);
        }

        return (scorer.Result(), read);
    }

}
