namespace ParIndex.Application.Units;

/// <summary>A new unit made by a merge or a split.</summary>
public sealed record NewUnitRequest(string Code, string Name, string? Region = null);

/// <summary>Several units become one new unit on <paramref name="EffectiveDate"/>.</summary>
public sealed record MergeRequest(IReadOnlyList<int> PredecessorIds, NewUnitRequest Successor, DateOnly EffectiveDate, string? Note);

/// <summary>One unit becomes several new units on <paramref name="EffectiveDate"/>.</summary>
public sealed record SplitRequest(int PredecessorId, IReadOnlyList<NewUnitRequest> Successors, DateOnly EffectiveDate, string? Note);

/// <summary>A unit takes a new name on <paramref name="EffectiveDate"/> (same unit, same results).</summary>
public sealed record RenameRequest(int UnitId, string NewName, DateOnly EffectiveDate, string? Note);

/// <summary>A unit with its type and validity period.</summary>
public sealed record UnitPeriodView(int Id, string Code, string Name, string Kind, int? ParentId, string? Region, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>One lineage link, with both units named.</summary>
public sealed record LineageLinkView(
    int Id,
    string Kind,
    DateOnly EffectiveDate,
    int PredecessorId,
    string PredecessorCode,
    string PredecessorName,
    int SuccessorId,
    string SuccessorCode,
    string SuccessorName,
    string? PreviousName,
    string? Note,
    DateTime RecordedAt,
    string RecordedBy);

/// <summary>A unit's lineage: where it came from (predecessors, former names) and what it became.</summary>
public sealed record UnitLineageView(UnitPeriodView Unit, IReadOnlyList<LineageLinkView> CameFrom, IReadOnlyList<LineageLinkView> BecameOf, IReadOnlyList<LineageLinkView> Renames);

/// <summary>The result of a merge, split or rename: the units it ended and the units it started or renamed.</summary>
public sealed record UnitChangeResult(string Kind, DateOnly EffectiveDate, IReadOnlyList<UnitPeriodView> Ended, IReadOnlyList<UnitPeriodView> Successors);
