namespace ParIndex.Core.Scoring;

/// <summary>
/// Aggregates one unit's leaf scores up a <see cref="ScoringPlan"/> into buffers it reuses for the
/// next unit (ADR 0138): no dictionary, no record per node, nothing allocated per unit. Gives the
/// points and index-base maximum of every node, the field component indices, the total and the
/// survey points, with the same decimals as <see cref="AssessmentCalculator"/> (children summed in
/// official order from 0). Not thread-safe: one scorer per computation.
/// </summary>
public sealed class PlanScorer
{
    private readonly ScoringPlan plan;
    private readonly decimal[] points;
    private readonly decimal[] maxWithExclusions;
    private readonly bool[] changed;
    private decimal[] max;

    public PlanScorer(ScoringPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        this.plan = plan;
        points = new decimal[plan.NodeCount];
        maxWithExclusions = new decimal[plan.NodeCount];
        changed = new bool[plan.NodeCount];
        max = plan.ApplicableMax[0];
    }

    public ScoringPlan Plan => plan;

    public decimal TotalPoints { get; private set; }

    /// <summary>The total maximum over applicable leaves: the base of the index.</summary>
    public decimal TotalMax { get; private set; }

    public decimal? TotalIndex => NodeResult.IndexOf(TotalPoints, TotalMax);

    /// <summary>The points of the survey leaves, summed in official order.</summary>
    public decimal SurveyPoints { get; private set; }

    /// <summary>Scores one unit. <paramref name="leaves"/> holds one score per leaf, by leaf index of the plan.</summary>
    public void Score(ReadOnlySpan<LeafScore> leaves, IndexBase indexBase)
    {
        plan.CheckLength(leaves);
        var selfAssessed = indexBase == IndexBase.SelfAssessedMaximum;
        var nodeOfLeaf = plan.NodeOfLeaf;
        var surveyLeaf = plan.SurveyLeaf;
        var inputSlot = plan.InputSlot;
        var runParent = plan.RunParentOfLeaf;
        var excluded = false;
        var run = -1;
        var runSum = 0m;
        for (var l = 0; l < nodeOfLeaf.Length; l++)
        {
            var leaf = leaves[inputSlot[l]];
            decimal value;
            if (selfAssessed && surveyLeaf[l])
            {
                // The survey is not run: the leaf has neither points nor maximum (ADR 0127).
                value = 0m;
            }
            else if (leaf.NotApplicable)
            {
                value = 0m;
                excluded = true;
            }
            else
            {
                value = leaf.Points ?? 0m;
            }

            points[nodeOfLeaf[l]] = value;

            // Leaves of a leaves-only parent come one after another: summed here, in official order
            // from 0 as SumChildren would, and written when the next parent starts.
            var parent = runParent[l];
            if (parent != run)
            {
                if (run >= 0)
                {
                    points[run] = runSum;
                }

                run = parent;
                runSum = 0m;
            }

            runSum += value;
        }

        if (run >= 0)
        {
            points[run] = runSum;
        }

        foreach (var node in plan.SummedAbove)
        {
            points[node] = plan.SumChildren(points, node);
        }

        // Most units mark nothing not applicable: their maxima are the plan's, computed once.
        max = excluded ? MaxWithExclusions(leaves, selfAssessed) : plan.ApplicableMax[selfAssessed ? 1 : 0];
        TotalPoints = plan.SumFields(points);
        TotalMax = excluded ? plan.SumFields(max) : plan.ApplicableTotalMax[selfAssessed ? 1 : 0];
        var survey = 0m;
        foreach (var l in plan.SurveyLeaves)
        {
            survey += points[nodeOfLeaf[l]];
        }

        SurveyPoints = survey;
    }

    public decimal FieldPoints(int field) => points[plan.FieldNodes[field]];

    public decimal FieldMax(int field) => max[plan.FieldNodes[field]];

    public decimal? FieldIndex(int field) => NodeResult.IndexOf(FieldPoints(field), FieldMax(field));

    /// <summary>The points of a node by its depth-first position in the plan.</summary>
    public decimal NodePoints(int node) => points[node];

    /// <summary>The index-base maximum of a node by its depth-first position in the plan.</summary>
    public decimal NodeMax(int node) => max[node];

    /// <summary>
    /// The plan's maxima with the not-applicable leaves at 0: only their ancestors are summed again
    /// (child by child, as the calculator sums), the other nodes keep the plan's figure.
    /// </summary>
    private decimal[] MaxWithExclusions(ReadOnlySpan<LeafScore> leaves, bool selfAssessed)
    {
        var applicable = plan.ApplicableMax[selfAssessed ? 1 : 0];
        Array.Copy(applicable, maxWithExclusions, applicable.Length);
        var nodeOfLeaf = plan.NodeOfLeaf;
        for (var l = 0; l < nodeOfLeaf.Length; l++)
        {
            if (leaves[plan.InputSlot[l]].NotApplicable && !(selfAssessed && plan.SurveyLeaf[l]))
            {
                maxWithExclusions[nodeOfLeaf[l]] = 0m;
                for (var node = plan.Parent[nodeOfLeaf[l]]; node >= 0 && !changed[node]; node = plan.Parent[node])
                {
                    changed[node] = true;
                }
            }
        }

        foreach (var node in plan.InnerBottomUp)
        {
            if (changed[node])
            {
                maxWithExclusions[node] = plan.SumChildren(maxWithExclusions, node);
                changed[node] = false;
            }
        }

        return maxWithExclusions;
    }
}
