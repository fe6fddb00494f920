namespace ParIndex.Data.Units;

/// <summary>
/// An organisation that is assessed (a province, ministry, department…) or that contributes to
/// an assessment (a department filling in one field of the province's table).
/// </summary>
public sealed class Unit
{
    public int Id { get; set; }

    /// <summary>Short stable code, e.g. <c>BG</c> or <c>BG-STP</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>province, ministry, department, district, commune…</summary>
    public required string Kind { get; set; }

    public int? ParentId { get; set; }

    public Unit? Parent { get; set; }

    /// <summary>Region used for regional averages, e.g. <c>Trung du và miền núi phía Bắc</c>.</summary>
    public string? Region { get; set; }

    /// <summary>The first day the unit exists (null: since before any record), e.g. the effective date of the merge that made it.</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>The last day the unit exists (null: it still exists); ended by a merge or split. Ended units are not offered to new campaigns.</summary>
    public DateOnly? ValidTo { get; set; }
}
