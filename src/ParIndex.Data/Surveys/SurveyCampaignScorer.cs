using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Surveys;
using ParIndex.Data.Assessments;
using ParIndex.Data.History;

namespace ParIndex.Data.Surveys;

/// <summary>What re-scoring a campaign changed; <see cref="AnswersRead"/> counts the answers behind the stored counts.</summary>
public sealed record SurveyRescoreSummary(int UnitsScored, int LeavesChanged, long AnswersRead, SurveyScoreResult Scores);

/// <summary>
/// Re-scores a campaign's survey from its stored answers (every batch of every questionnaire, read
/// through the per-batch <see cref="SurveyAnswerCount"/>s written with them): writes each
/// assessment's survey leaves (<see cref="LeafEntry.SurveyScore"/> with its memo, a history line per
/// change) and replaces the campaign's SIPAS rows. The stored batches are the one source of truth,
/// so an import, a deleted batch or a re-run all end in the same scores.
/// Runs inside the caller's transaction when there is one; saves but does not commit.
/// </summary>
public sealed class SurveyCampaignScorer(ParIndexDbContext db, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>
    /// The survey scores of a campaign (or of one unit) from its stored answers, without writing
    /// anything: what the pages show next to the stored points.
    /// </summary>
    public async Task<SurveyScoreResult> ScoreAsync(int campaignId, int? unitId = null, CancellationToken cancellationToken = default)
    {
        var context = await SurveyCampaignContext.LoadAsync(db, campaignId, forWrite: false, cancellationToken).ConfigureAwait(false);
        var (result, _) = await ScoreStoredAnswersAsync(context, unitId, cancellationToken).ConfigureAwait(false);
        return result;
    }

    internal async Task<SurveyRescoreSummary> RescoreAsync(SurveyCampaignContext context, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (result, read) = await ScoreStoredAnswersAsync(context, null, cancellationToken).ConfigureAwait(false);
        var changed = await WriteLeavesAsync(context, result, userName, cancellationToken).ConfigureAwait(false);
        await WriteSipasAsync(context, result, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var units = result.Leaves.Select(l => l.UnitCode).Distinct(StringComparer.Ordinal).Count();
        return new SurveyRescoreSummary(units, changed, read, result);
    }

    private async Task<(SurveyScoreResult Result, long Read)> ScoreStoredAnswersAsync(SurveyCampaignContext context, int? unitId, CancellationToken cancellationToken)
    {
        var campaignId = context.Campaign.Id;
        var scorer = new SurveyScorer(context.Framework);
        var unitCodes = context.UnitIds.ToDictionary(u => u.Value, u => u.Key);
        var questions = new Dictionary<(int Questionnaire, string Code), SurveyQuestion?>();
        long read = 0;
        // The counts stored with each batch (units × questions × answer keys), not the answers
        // themselves: re-scoring costs the same for a thousand respondents or for millions.
        var counts = db.SurveyAnswerCounts.AsNoTracking()
            .Where(c => unitId == null || c.UnitId == unitId)
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

    private async Task<int> WriteLeavesAsync(SurveyCampaignContext context, SurveyScoreResult result, string userName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var surveyLeaves = context.Framework.Leaves().Where(l => l.IsSurvey).Select(l => l.Code).ToList();
        var scores = result.Leaves.ToDictionary(l => (l.UnitCode, l.LeafCode));
        var assessments = await db.Assessments.Where(a => a.CampaignId == context.Campaign.Id)
            .Select(a => new { a.Id, a.Unit!.Code }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var entries = (await db.LeafEntries.Where(e => e.Assessment!.CampaignId == context.Campaign.Id && surveyLeaves.Contains(e.LeafCode))
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(e => (e.AssessmentId, e.LeafCode));
        var changed = 0;
        foreach (var assessment in assessments)
        {
            foreach (var leafCode in surveyLeaves)
            {
                var score = scores.GetValueOrDefault((assessment.Code, leafCode));
                decimal? points = score?.ValidAnswers > 0 ? score.Points : null;
                var memo = score?.Memo.Text;
                if (!entries.TryGetValue((assessment.Id, leafCode), out var entry))
                {
                    if (score is null)
                    {
                        continue;
                    }

                    entry = new LeafEntry { AssessmentId = assessment.Id, LeafCode = leafCode, UpdatedAt = now, UpdatedBy = userName };
                    db.LeafEntries.Add(entry);
                }

                if (entry.SurveyScore == points && entry.SurveyMemo == memo)
                {
                    continue;
                }

                db.History.Add(HistoryEntry.ForLeaf(assessment.Id, leafCode, userName, now, nameof(LeafEntry.SurveyScore),
                    Invariant(entry.SurveyScore), Invariant(points),
                    score is null ? "Không còn câu trả lời khảo sát" : $"Tính từ {score.ValidAnswers} câu trả lời khảo sát hợp lệ"));
                entry.SurveyScore = points;
                entry.SurveyMemo = memo;
                changed++;
            }
        }

        return changed;
    }

    private async Task WriteSipasAsync(SurveyCampaignContext context, SurveyScoreResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var old = await db.SurveySipasResults.Where(s => s.CampaignId == context.Campaign.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        db.SurveySipasResults.RemoveRange(old);
        foreach (var sipas in result.Sipas)
        {
            db.SurveySipasResults.Add(new SurveySipasResult
            {
                CampaignId = context.Campaign.Id,
                UnitId = context.UnitIds[sipas.UnitCode],
                Component = sipas.Component,
                ValidAnswers = sipas.ValidAnswers,
                SatisfiedAnswers = sipas.SatisfiedAnswers,
                Share = sipas.Share,
                ComputedAt = now,
            });
        }
    }

    private static string? Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
