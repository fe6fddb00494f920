using ParIndex.Core.Scoring;
using ParIndex.Core.Workflow;

namespace ParIndex.Application.Results;

/// <summary>One assessment as the results read it: the unit's identity and the status, no other column.</summary>
public sealed record ResultAssessmentRow(int AssessmentId, int UnitId, AssessmentStatus Status, string UnitCode, string UnitName, string UnitKind, string? Region);

/// <summary>One leaf entry as the results read it: the scores that can count and the not-applicable mark, nothing else.</summary>
public readonly record struct ResultLeafRow(int AssessmentId, string LeafCode, bool NotApplicable, decimal? Points, decimal? AppraisedScore, decimal? FinalScore, decimal? SurveyScore);

/// <summary>A unit's totals and field component indices; its leaf scores only where a score card needs them.</summary>
public sealed class ScoredUnit(ResultAssessmentRow assessment, decimal points, decimal max, decimal? index, decimal surveyPoints, decimal[] fieldPoints, decimal[] fieldMax, LeafScore[]? leaves)
{
    public ResultAssessmentRow Assessment { get; } = assessment;

    public decimal Points { get; } = points;

    public decimal Max { get; } = max;

    public decimal? Index { get; } = index;

    public decimal SurveyPoints { get; } = surveyPoints;

    /// <summary>Per field of the plan, in official order.</summary>
    public IReadOnlyList<decimal> FieldPoints { get; } = fieldPoints;

    public IReadOnlyList<decimal> FieldMax { get; } = fieldMax;

    /// <summary>The counted score of every leaf (by leaf index), kept only for the units whose score card is built.</summary>
    public LeafScore[]? Leaves { get; } = leaves;
}

/// <summary>
/// Scores a campaign from its rows as read from the database (ADR 0138): leaf entries ordered by
/// assessment stream through one <see cref="PlanScorer"/>, so no row is kept after its unit is
/// scored, and each unit keeps its totals and field figures (and its leaf scores only when
/// <c>keepLeaves</c> says so, for the score cards).
/// </summary>
public sealed class CampaignScoring
{
    private readonly ScoringPlan plan;
    private readonly IndexBase indexBase;
    private readonly IReadOnlyList<ResultAssessmentRow> assessments;
    private readonly Func<ResultAssessmentRow, bool> keepLeaves;
    private readonly PlanScorer scorer;
    private readonly LeafScore[] leaves;
    private readonly List<ScoredUnit> units;
    private readonly int[] successor;
    private int next;
    private int lastAssessment = int.MinValue;
    private int previousLeaf = -1;
    private int firstLeaf = -1;

    /// <param name="assessments">The campaign's assessments, ordered by id.</param>
    /// <param name="keepLeaves">Which units keep their leaf scores (a score card's rich result is built from them).</param>
    public CampaignScoring(ScoringPlan plan, IndexBase indexBase, IReadOnlyList<ResultAssessmentRow> assessments, Func<ResultAssessmentRow, bool> keepLeaves)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(keepLeaves);
        for (var i = 1; i < assessments.Count; i++)
        {
            if (assessments[i].AssessmentId <= assessments[i - 1].AssessmentId)
            {
                throw new ArgumentException("Assessments must be ordered by id, each once.", nameof(assessments));
            }
        }

        this.plan = plan;
        this.indexBase = indexBase;
        this.assessments = assessments;
        this.keepLeaves = keepLeaves;
        scorer = new PlanScorer(plan);
        leaves = new LeafScore[plan.LeafCount];
        successor = new int[plan.LeafCount];
        Array.Fill(successor, -1);
        units = new List<ScoredUnit>(assessments.Count);
    }

    /// <summary>Every unit of <paramref name="assessments"/> scored from <paramref name="rows"/> (ordered by assessment id).</summary>
    public static IReadOnlyList<ScoredUnit> Score(ScoringPlan plan, IndexBase indexBase, IReadOnlyList<ResultAssessmentRow> assessments, IEnumerable<ResultLeafRow> rows, Func<ResultAssessmentRow, bool> keepLeaves)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scoring = new CampaignScoring(plan, indexBase, assessments, keepLeaves);
        foreach (var row in rows)
        {
            scoring.Add(row);
        }

        return scoring.Finish();
    }

    /// <summary>Adds one entry; entries come ordered by assessment id (a row of another assessment is skipped).</summary>
    public void Add(in ResultLeafRow row)
    {
        // A row after a later assessment's would land on the wrong unit or be lost: the query must order by assessment.
        if (row.AssessmentId < lastAssessment)
        {
            throw new InvalidOperationException($"Leaf entries must come ordered by assessment: a row of assessment {row.AssessmentId} came after one of {lastAssessment}.");
        }

        if (row.AssessmentId != lastAssessment)
        {
            previousLeaf = -1;
        }

        lastAssessment = row.AssessmentId;
        // Units before this row's assessment have all their rows: score them.
        while (next < assessments.Count && assessments[next].AssessmentId < row.AssessmentId)
        {
            ScoreNext();
        }

        if (next < assessments.Count && assessments[next].AssessmentId == row.AssessmentId)
        {
            var leaf = LeafOf(row.LeafCode);
            if (leaf >= 0)
            {
                leaves[leaf] = ScorePrecedence.ResultOf(plan.IsSurveyLeaf(leaf), row.NotApplicable, row.SurveyScore, row.FinalScore, row.AppraisedScore, row.Points);
            }
        }
    }

    /// <summary>
    /// The leaf of a code: first the leaf that followed the previous row's leaf in the unit before
    /// (every unit's rows come in the same order), else the plan's lookup. A guess only saves the
    /// hash lookup; a wrong one costs one string comparison.
    /// </summary>
    private int LeafOf(string code)
    {
        var guess = previousLeaf < 0 ? firstLeaf : successor[previousLeaf];
        var leaf = guess >= 0 && string.Equals(plan.LeafCode(guess), code, StringComparison.Ordinal) ? guess : plan.LeafIndexOf(code);
        if (leaf >= 0)
        {
            if (previousLeaf < 0)
            {
                firstLeaf = leaf;
            }
            else
            {
                successor[previousLeaf] = leaf;
            }

            previousLeaf = leaf;
        }

        return leaf;
    }

    /// <summary>Scores the units whose rows are all in (and those without any row) and returns every unit, in assessment order.</summary>
    public IReadOnlyList<ScoredUnit> Finish()
    {
        while (next < assessments.Count)
        {
            ScoreNext();
        }

        return units;
    }

    private void ScoreNext()
    {
        var assessment = assessments[next++];
        scorer.Score(leaves, indexBase);
        var fieldPoints = new decimal[plan.FieldCount];
        var fieldMax = new decimal[plan.FieldCount];
        for (var f = 0; f < plan.FieldCount; f++)
        {
            fieldPoints[f] = scorer.FieldPoints(f);
            fieldMax[f] = scorer.FieldMax(f);
        }

        units.Add(new ScoredUnit(assessment, scorer.TotalPoints, scorer.TotalMax, scorer.TotalIndex, scorer.SurveyPoints, fieldPoints, fieldMax,
            keepLeaves(assessment) ? (LeafScore[])leaves.Clone() : null));
        Array.Clear(leaves);
    }
}
