using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Problems;
using ParIndex.Core.Units;
using ParIndex.Data;
using ParIndex.Data.History;
using ParIndex.Data.Units;

namespace ParIndex.Application.Units;

/// <summary>
/// Units over time (ADR 0126): merge (several → one new unit), split (one → several new units) and
/// rename, each with an effective date, recorded as lineage in one transaction with a history line;
/// and which units exist on a day, for the campaigns.
/// </summary>
public sealed class UnitLineageService(ParIndexDbContext db, TimeProvider clock)
{
    /// <summary>The most units one merge takes or one split makes (a national commune merger joins at most a handful).</summary>
    public const int MaxUnitsPerChange = 50;

    /// <summary>
    /// The units of a kind (every kind when null) that exist on <paramref name="day"/>: what a new
    /// campaign may be offered. Ended units (merged, split) are not among them.
    /// </summary>
    public async Task<IReadOnlyList<UnitPeriodView>> ActiveUnitsAsync(string? kind, DateOnly day, CancellationToken cancellationToken)
    {
        var query = db.Units.AsNoTracking()
            .Where(u => (u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidTo == null || u.ValidTo >= day));
        if (!string.IsNullOrEmpty(kind))
        {
            query = query.Where(u => u.Kind == kind);
        }

        return (await query.ToListAsync(cancellationToken)).OrderBy(u => u.Code, StringComparer.Ordinal).Select(ToView).ToList();
    }

    /// <summary>
    /// Which of <paramref name="unitIds"/> have ended before <paramref name="day"/>, each with the
    /// units that descend from it through merges and splits and exist on that day (a chain merged
    /// twice is followed to its end). An ended unit without a successor (dissolved) has an empty
    /// list; a unit that still exists is not a key. What a rollover carries instead of an ended unit.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<UnitPeriodView>>> EndedWithSuccessorsAsync(IReadOnlyCollection<int> unitIds, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        // Ended units and lineage links are few next to all units: read them whole, walk in memory.
        var ended = (await db.Units.AsNoTracking().Where(u => u.ValidTo != null && u.ValidTo < day).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id);
        var wanted = unitIds.Where(ended.ContainsKey).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<UnitPeriodView>>();
        }

        var next = (await db.UnitLineage.AsNoTracking().Where(l => l.Kind != UnitChangeKinds.Rename)
                .Select(l => new { l.PredecessorId, l.SuccessorId }).ToListAsync(cancellationToken))
            .ToLookup(l => l.PredecessorId, l => l.SuccessorId);
        var descendants = wanted.ToDictionary(id => id, id => Descendants(id, next, ended));
        var successorIds = descendants.Values.SelectMany(d => d).Distinct().ToList();
        var successors = (await db.Units.AsNoTracking().Where(u => successorIds.Contains(u.Id)).ToListAsync(cancellationToken))
            .Where(u => u.ValidFrom is null || u.ValidFrom <= day)
            .ToDictionary(u => u.Id, ToView);
        return descendants.ToDictionary(d => d.Key,
            d => (IReadOnlyList<UnitPeriodView>)d.Value.Where(successors.ContainsKey).Select(id => successors[id]).OrderBy(u => u.Code, StringComparer.Ordinal).ToList());
    }

    /// <summary>The not-ended units reached from <paramref name="start"/> along lineage links (each unit visited once).</summary>
    private static List<int> Descendants(int start, ILookup<int, int> next, Dictionary<int, Unit> ended)
    {
        var found = new List<int>();
        var seen = new HashSet<int> { start };
        var queue = new Queue<int>([start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var successor in next[id].Where(seen.Add))
            {
                if (ended.ContainsKey(successor))
                {
                    queue.Enqueue(successor);
                }
                else
                {
                    found.Add(successor);
                }
            }
        }

        return found;
    }

    /// <summary>Today in Vietnam (UTC+7), the day the "ended" check of a new campaign uses.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    /// <summary>Every unit with its period, for the administration page.</summary>
    public async Task<IReadOnlyList<UnitPeriodView>> UnitsAsync(CancellationToken cancellationToken) =>
        (await db.Units.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(u => u.Code, StringComparer.Ordinal).Select(ToView).ToList();

    /// <summary>Every lineage link, newest effective date first.</summary>
    public async Task<IReadOnlyList<LineageLinkView>> LinksAsync(CancellationToken cancellationToken) =>
        (await LinkQuery().ToListAsync(cancellationToken))
            .OrderByDescending(l => l.EffectiveDate).ThenBy(l => l.Id).Select(ToView).ToList();

    public async Task<UnitLineageView> LineageAsync(int unitId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken)
            ?? throw NoUnit(unitId);
        var links = (await LinkQuery().Where(l => l.PredecessorId == unitId || l.SuccessorId == unitId).ToListAsync(cancellationToken))
            .OrderBy(l => l.EffectiveDate).ThenBy(l => l.Id).Select(ToView).ToList();
        return new UnitLineageView(ToView(unit),
            links.Where(l => l.SuccessorId == unitId && l.Kind != UnitChangeKinds.Rename).ToList(),
            links.Where(l => l.PredecessorId == unitId && l.Kind != UnitChangeKinds.Rename).ToList(),
            links.Where(l => l.Kind == UnitChangeKinds.Rename).ToList());
    }

    /// <summary>The unit by code, for the command line.</summary>
    public async Task<UnitPeriodView> ByCodeAsync(string code, CancellationToken cancellationToken) =>
        ToView(await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken)
            ?? throw DomainException.NotFound($"Không có đơn vị mã \"{code}\".", $"There is no unit with code \"{code}\"."));

    public async Task<UnitChangeResult> MergeAsync(MergeRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Administrator(user);
        var ids = (request.PredecessorIds ?? []).Distinct().ToList();
        if (ids.Count < 2)
        {
            throw new FieldValidationException("predecessorIds", "Hợp nhất cần ít nhất hai đơn vị.", "A merge needs at least two units.");
        }

        if (ids.Count > MaxUnitsPerChange)
        {
            throw new FieldValidationException("predecessorIds", $"Một lần hợp nhất có tối đa {MaxUnitsPerChange} đơn vị.", $"A merge takes at most {MaxUnitsPerChange} units.");
        }

        var note = Note(request.Note);
        var units = await LoadAsync(ids, "predecessorIds", cancellationToken);
        var kind = units[0].Kind;
        if (units.FirstOrDefault(u => u.Kind != kind) is { } other)
        {
            throw new FieldValidationException("predecessorIds",
                $"Chỉ hợp nhất được các đơn vị cùng loại: {units[0].Name} là \"{kind}\", {other.Name} là \"{other.Kind}\".",
                $"Only units of one kind can merge: {units[0].Name} is \"{kind}\", {other.Name} is \"{other.Kind}\".");
        }

        var parent = units.Select(u => u.ParentId).Distinct().Count() == 1 ? units[0].ParentId : null;
        var region = units.Select(u => u.Region).Distinct(StringComparer.Ordinal).Count() == 1 ? units[0].Region : null;
        CheckChangeable(units, request.EffectiveDate, "predecessorIds");
        await using var transaction = await BeginAsync(cancellationToken);
        var successor = await NewUnitAsync(request.Successor, "successor", kind, parent, region, request.EffectiveDate, [], cancellationToken);
        var changeId = Guid.NewGuid();
        foreach (var unit in units)
        {
            unit.ValidTo = UnitValidity.LastDayBefore(request.EffectiveDate);
            db.UnitLineage.Add(Link(changeId, UnitChangeKinds.Merge, unit, successor, request.EffectiveDate, note, user));
        }

        Record(user, UnitChangeKinds.Merge, string.Join(", ", units.Select(u => u.Code)), successor.Code, request.EffectiveDate, note);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return new UnitChangeResult(UnitChangeKinds.Merge, request.EffectiveDate, units.Select(ToView).ToList(), [ToView(successor)]);
    }

    public async Task<UnitChangeResult> SplitAsync(SplitRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Administrator(user);
        var successors = request.Successors ?? [];
        if (successors.Count < 2)
        {
            throw new FieldValidationException("successors", "Chia tách cần ít nhất hai đơn vị mới.", "A split needs at least two new units.");
        }

        if (successors.Count > MaxUnitsPerChange)
        {
            throw new FieldValidationException("successors", $"Một lần chia tách tạo tối đa {MaxUnitsPerChange} đơn vị.", $"A split makes at most {MaxUnitsPerChange} units.");
        }

        var note = Note(request.Note);
        var unit = (await LoadAsync([request.PredecessorId], "predecessorId", cancellationToken))[0];
        CheckChangeable([unit], request.EffectiveDate, "predecessorId");
        await using var transaction = await BeginAsync(cancellationToken);
        var changeId = Guid.NewGuid();
        var made = new List<Unit>();
        for (var i = 0; i < successors.Count; i++)
        {
            var successor = await NewUnitAsync(successors[i], $"successors[{i}]", unit.Kind, unit.ParentId, unit.Region, request.EffectiveDate, made, cancellationToken);
            made.Add(successor);
            db.UnitLineage.Add(Link(changeId, UnitChangeKinds.Split, unit, successor, request.EffectiveDate, note, user));
        }

        unit.ValidTo = UnitValidity.LastDayBefore(request.EffectiveDate);
        Record(user, UnitChangeKinds.Split, unit.Code, string.Join(", ", made.Select(u => u.Code)), request.EffectiveDate, note);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return new UnitChangeResult(UnitChangeKinds.Split, request.EffectiveDate, [ToView(unit)], made.Select(ToView).ToList());
    }

    public async Task<UnitChangeResult> RenameAsync(RenameRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Administrator(user);
        var name = TextInput.Line(request.NewName, "newName", "Tên mới", TextLimits.Name) ?? "";
        if (name.Length == 0)
        {
            throw new FieldValidationException("newName", "Tên mới là bắt buộc.", "The new name is required.");
        }

        var note = Note(request.Note);
        var unit = (await LoadAsync([request.UnitId], "unitId", cancellationToken))[0];
        if (string.Equals(unit.Name, name, StringComparison.Ordinal))
        {
            throw new FieldValidationException("newName", $"Đơn vị đã mang tên \"{name}\".", $"The unit is already named \"{name}\".");
        }

        CheckChangeable([unit], request.EffectiveDate, "effectiveDate");
        await using var transaction = await BeginAsync(cancellationToken);
        var link = Link(Guid.NewGuid(), UnitChangeKinds.Rename, unit, unit, request.EffectiveDate, note, user);
        link.PreviousName = unit.Name;
        db.UnitLineage.Add(link);
        Record(user, UnitChangeKinds.Rename, unit.Name, name, request.EffectiveDate, note);
        unit.Name = name;
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return new UnitChangeResult(UnitChangeKinds.Rename, request.EffectiveDate, [], [ToView(unit)]);
    }

    /// <summary>A transaction of its own, unless the caller (the demo seeder) already holds one.</summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> BeginAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private static void Administrator(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAdministrator)
        {
            throw DomainException.Forbidden("Chỉ quản trị hệ thống được hợp nhất, chia tách hoặc đổi tên đơn vị.", "Only the administrator merges, splits or renames units.");
        }
    }

    private static string? Note(string? note) => TextInput.Text(note, "note", "Ghi chú", TextLimits.Reason) is { Length: > 0 } n ? n : null;

    private async Task<List<Unit>> LoadAsync(IReadOnlyList<int> ids, string field, CancellationToken cancellationToken)
    {
        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        var missing = ids.Where(id => units.All(u => u.Id != id)).ToList();
        if (missing.Count > 0)
        {
            throw new FieldValidationException(field, $"Không có đơn vị số {string.Join(", ", missing)}.", $"There is no unit number {string.Join(", ", missing)}.");
        }

        return ids.Select(id => units.Single(u => u.Id == id)).ToList();
    }

    private static void CheckChangeable(IEnumerable<Unit> units, DateOnly effective, string field)
    {
        foreach (var unit in units)
        {
            if (UnitValidity.CannotChange(unit.ValidFrom, unit.ValidTo, effective) is { } why)
            {
                throw new FieldValidationException(field, $"{unit.Name} ({unit.Code}): {why.Vietnamese}.", $"{unit.Name} ({unit.Code}): {why.English}.");
            }
        }
    }

    private async Task<Unit> NewUnitAsync(NewUnitRequest? request, string field, string kind, int? parentId, string? region, DateOnly from, IReadOnlyList<Unit> madeNow, CancellationToken cancellationToken)
    {
        var code = TextInput.Line(request?.Code, field + ".code", "Mã đơn vị mới", TextLimits.UnitCode) ?? "";
        var name = TextInput.Line(request?.Name, field + ".name", "Tên đơn vị mới", TextLimits.Name) ?? "";
        var newRegion = TextInput.Line(request?.Region, field + ".region", "Vùng", TextLimits.Region);
        if (code.Length == 0 || name.Length == 0)
        {
            throw new FieldValidationException(field, "Đơn vị mới cần mã và tên.", "The new unit needs a code and a name.");
        }

        if (madeNow.Any(u => u.Code == code) || await db.Units.AnyAsync(u => u.Code == code, cancellationToken))
        {
            throw new FieldValidationException(field + ".code", $"Mã đơn vị \"{code}\" đã được dùng.", $"The unit code \"{code}\" is already in use.");
        }

        var unit = new Unit { Code = code, Name = name, Kind = kind, ParentId = parentId, Region = string.IsNullOrEmpty(newRegion) ? region : newRegion, ValidFrom = from };
        db.Units.Add(unit);
        // The id is needed by the lineage rows; the transaction keeps this save from being seen alone.
        await db.SaveChangesAsync(cancellationToken);
        return unit;
    }

    private UnitLineage Link(Guid changeId, string kind, Unit predecessor, Unit successor, DateOnly effective, string? note, CurrentUser user) => new()
    {
        ChangeId = changeId,
        Kind = kind,
        Predecessor = predecessor,
        Successor = successor,
        EffectiveDate = effective,
        Note = note,
        RecordedAt = clock.GetUtcNow().UtcDateTime,
        RecordedBy = user.UserName,
    };

    private void Record(CurrentUser user, string kind, string from, string to, DateOnly effective, string? note) =>
        db.History.Add(new HistoryEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserName = user.UserName,
            Entity = nameof(Unit),
            Field = "Lineage:" + kind,
            OldValue = from,
            NewValue = to,
            Reason = $"{UnitChangeKinds.Vietnamese(kind)} có hiệu lực từ {UnitValidity.Vietnamese(effective)}{(note is null ? "" : ": " + note[..Math.Min(note.Length, TextLimits.Reason - 100)])}",
        });

    private IQueryable<UnitLineage> LinkQuery() =>
        db.UnitLineage.AsNoTracking().Include(l => l.Predecessor).Include(l => l.Successor);

    private static DomainException NoUnit(int id) => DomainException.NotFound($"Không có đơn vị số {id}.", $"There is no unit number {id}.");

    internal static UnitPeriodView ToView(Unit u) => new(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Region, u.ValidFrom, u.ValidTo);

    private static LineageLinkView ToView(UnitLineage l) => new(l.Id, l.Kind, l.EffectiveDate,
        l.PredecessorId, l.Predecessor!.Code, l.Predecessor.Name, l.SuccessorId, l.Successor!.Code, l.Successor.Name,
        l.PreviousName, l.Note, l.RecordedAt, l.RecordedBy);
}
