namespace ParIndex.Data.History;

/// <summary>
/// One recorded change (append-only): who changed which field of what, from what to what, and why.
/// The context refuses to update or delete these rows.
/// </summary>
public sealed class HistoryEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public required string UserName { get; set; }

    /// <summary>The kind of thing changed: <c>LeafEntry</c>, <c>Assessment</c>, <c>Evidence</c>…</summary>
    public required string Entity { get; set; }

    public int? AssessmentId { get; set; }

    public string? LeafCode { get; set; }

    public required string Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public string? Reason { get; set; }

    /// <summary>A change to one field of one leaf entry of an assessment.</summary>
    public static HistoryEntry ForLeaf(int assessmentId, string leafCode, string userName, DateTime at,
        string field, string? oldValue, string? newValue, string? reason) => new()
        {
            At = at,
            UserName = userName,
            Entity = nameof(Assessments.LeafEntry),
            AssessmentId = assessmentId,
            LeafCode = leafCode,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            Reason = reason,
        };
}
