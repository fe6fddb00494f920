namespace ParIndex.Data.Units;

/// <summary>
/// One link of a unit's lineage (ADR 0126): the predecessor became (part of) the successor on the
/// effective date. A merge writes one row per predecessor, a split one row per successor, a rename
/// one row whose predecessor and successor are the same unit (the old name kept in <see cref="PreviousName"/>).
/// </summary>
public sealed class UnitLineage
{
    public int Id { get; set; }

    public int PredecessorId { get; set; }

    public Unit? Predecessor { get; set; }

    public int SuccessorId { get; set; }

    public Unit? Successor { get; set; }

    /// <summary><c>merge</c>, <c>split</c> or <c>rename</c> (<c>ParIndex.Core.Units.UnitChangeKinds</c>).</summary>
    public required string Kind { get; set; }

    /// <summary>The first day of the new state (the predecessors' last day is the day before).</summary>
    public DateOnly EffectiveDate { get; set; }

    /// <summary>The decision or remark (e.g. the resolution number).</summary>
    public string? Note { get; set; }

    /// <summary>A rename's old name.</summary>
    public string? PreviousName { get; set; }

    /// <summary>Identifies the rows written by one change (a merge of three units is three rows).</summary>
    public Guid ChangeId { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}
