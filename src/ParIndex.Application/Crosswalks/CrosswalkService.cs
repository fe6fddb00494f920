using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Crosswalks;
using ParIndex.Data.Providers;

namespace ParIndex.Application.Crosswalks;

/// <summary>
/// Stored crosswalks between two framework versions (ADR 0124): suggest one from codes and
/// normalised titles, edit its rows, import and export the <c>parindex-crosswalk/1</c> file, and
/// keep every saved state. The results and the campaign rollover read them through <see cref="BetweenAsync"/>.
/// </summary>
public sealed class CrosswalkService(ParIndexDbContext db, FrameworkCache frameworks, TimeProvider clock)
{
    public const string Suggested = "suggested";
    public const string Edited = "edited";
    public const string Imported = "imported";

    public async Task<IReadOnlyList<CrosswalkSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Crosswalks.AsNoTracking().Include(c => c.From).Include(c => c.To).ToListAsync(cancellationToken);
        var list = new List<CrosswalkSummary>();
        foreach (var row in rows.OrderByDescending(r => r.To!.Year).ThenBy(r => r.Id))
        {
            var crosswalk = CrosswalkFile.Read(row.Json);
            var warnings = Warnings(crosswalk, frameworks.Get(row.From!), frameworks.Get(row.To!)).Count;
            list.Add(new CrosswalkSummary(row.Id, Side(row.From!), Side(row.To!), crosswalk.Entries.Count, warnings, row.Version, row.UpdatedAt, row.UpdatedBy, row.IsSample));
        }

        return list;
    }

    public async Task<CrosswalkView> GetAsync(int id, CancellationToken cancellationToken)
    {
        var row = await LoadAsync(id, tracked: false, cancellationToken);
        return View(row, CrosswalkFile.Read(row.Json));
    }

    public async Task<IReadOnlyList<CrosswalkRevisionView>> HistoryAsync(int id, CancellationToken cancellationToken)
    {
        _ = await LoadAsync(id, tracked: false, cancellationToken);
        return (await db.CrosswalkRevisions.AsNoTracking().Where(r => r.CrosswalkId == id).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.Version)
            .Select(r => new CrosswalkRevisionView(r.Version, r.At, r.UserName, r.Action, r.Summary))
            .ToList();
    }

    /// <summary>Suggests and stores the crosswalk between two stored frameworks; refused when one already exists for the pair.</summary>
    public async Task<CrosswalkView> SuggestAsync(CrosswalkCreateRequest request, CurrentUser user, CancellationToken cancellationToken, bool isSample = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var (from, to) = await PairAsync(request.FromFrameworkRecordId, request.ToFrameworkRecordId, cancellationToken);
        await EnsureNewPairAsync(from, to, cancellationToken);
        var crosswalk = CrosswalkSuggester.Suggest(frameworks.Get(from), frameworks.Get(to));
        var summary = $"Gợi ý tự động: {crosswalk.Entries.Count} dòng ({Counts(crosswalk)}).";
        var row = await AddAsync(from, to, crosswalk, Suggested, summary, user, isSample, cancellationToken);
        return View(row, crosswalk);
    }

    /// <summary>Saves the edited rows (the whole table), if nobody saved since <see cref="CrosswalkEditRequest.Version"/>.</summary>
    public async Task<CrosswalkView> SaveAsync(int id, CrosswalkEditRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var row = await LoadAsync(id, tracked: true, cancellationToken);
        if (row.Version != request.Version)
        {
            throw StaleConflict();
        }

        var before = CrosswalkFile.Read(row.Json);
        var inputs = request.Entries ?? [];
        if (inputs.Count > CrosswalkFile.MaxEntries)
        {
            throw new FieldValidationException("entries", $"Bảng chuyển mã có tối đa {CrosswalkFile.MaxEntries} dòng; đã gửi {inputs.Count}.", $"A crosswalk has at most {CrosswalkFile.MaxEntries} rows; {inputs.Count} were sent.");
        }

        // An unchanged row keeps how it was found; a new or changed one was set by a person.
        var known = before.Entries.GroupBy(Key).ToDictionary(g => g.Key, g => g.First().Match, StringComparer.Ordinal);
        var entries = new List<CrosswalkEntry>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var entry = Entry(inputs[i], i + 1);
            entries.Add(entry with { Match = known.GetValueOrDefault(Key(entry), CrosswalkMatch.Manual) });
        }

        var after = new FrameworkCrosswalk
        {
            FromFrameworkId = before.FromFrameworkId,
            FromVersion = before.FromVersion,
            ToFrameworkId = before.ToFrameworkId,
            ToVersion = before.ToVersion,
            Entries = entries,
        };
        EnsureUsable(after, frameworks.Get(row.From!), frameworks.Get(row.To!));
        var summary = Difference(before, after);
        if (summary is null)
        {
            return View(row, before);
        }

        Update(row, after, Edited, summary, user);
        await SaveAsync(cancellationToken);
        return View(row, after);
    }

    /// <summary>
    /// Imports a <c>parindex-crosswalk/1</c> file: its frameworks (id and version) must be stored; a
    /// crosswalk already stored for the pair is replaced only with <paramref name="replace"/>.
    /// </summary>
    public async Task<CrosswalkView> ImportAsync(Stream content, bool replace, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(user);
        var crosswalk = await ReadFileAsync(content, cancellationToken);

        var from = await RecordAsync(crosswalk.FromFrameworkId, crosswalk.FromVersion, "from", cancellationToken);
        var to = await RecordAsync(crosswalk.ToFrameworkId, crosswalk.ToVersion, "to", cancellationToken);
        if (from.Id == to.Id)
        {
            throw DomainException.Invalid("Bảng chuyển mã phải nối hai phiên bản khác nhau.", "A crosswalk joins two different versions.");
        }

        EnsureUsable(crosswalk, frameworks.Get(from), frameworks.Get(to));
        var existing = await db.Crosswalks.Include(c => c.From).Include(c => c.To)
            .SingleOrDefaultAsync(c => c.FromFrameworkRecordId == from.Id && c.ToFrameworkRecordId == to.Id, cancellationToken);
        var summary = $"Nhập từ tệp: {crosswalk.Entries.Count} dòng ({Counts(crosswalk)}).";
        if (existing is null)
        {
            return View(await AddAsync(from, to, crosswalk, Imported, summary, user, isSample: false, cancellationToken), crosswalk);
        }

        if (!replace)
        {
            throw DomainException.Conflict(
                $"Đã có bảng chuyển mã số {existing.Id} giữa {from.FrameworkId} {from.Version} và {to.FrameworkId} {to.Version}; chọn \"thay thế\" để ghi đè (lịch sử giữ bản cũ).",
                $"Crosswalk {existing.Id} between these versions exists; choose replace to overwrite it (the history keeps the old one).");
        }

        Update(existing, crosswalk, Imported, summary + " " + (Difference(CrosswalkFile.Read(existing.Json), crosswalk) ?? "Không khác bản đang lưu."), user);
        await SaveAsync(cancellationToken);
        return View(existing, crosswalk);
    }

    /// <summary>Reads the file asynchronously (a request body allows no synchronous reads), bounded before parsing.</summary>
    private static async Task<FrameworkCrosswalk> ReadFileAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = await BoundedUpload.ReadAsync(content, CrosswalkFile.MaxBytes, () => DomainException.TooLarge(
            $"Tệp bảng chuyển mã quá lớn (giới hạn {CrosswalkFile.MaxBytes / (1024 * 1024)} MB).", $"The crosswalk file is too large (limit {CrosswalkFile.MaxBytes / (1024 * 1024)} MB)."), cancellationToken);
        try
        {
            return CrosswalkFile.Read(buffer);
        }
        catch (FrameworkFormatException e)
        {
            throw DomainException.Invalid("Tệp bảng chuyển mã không đọc được: " + e.Message, "The crosswalk file cannot be read: " + e.Message);
        }
    }

    public async Task<CrosswalkExport> ExportAsync(int id, CancellationToken cancellationToken)
    {
        var row = await LoadAsync(id, tracked: false, cancellationToken);
        return new CrosswalkExport($"crosswalk-{row.From!.FrameworkId}-{row.From.Version}-to-{row.To!.FrameworkId}-{row.To.Version}.json", row.Json);
    }

    /// <summary>
    /// The crosswalk from one stored framework to another: the identity when they are the same
    /// version, the stored one otherwise, null when none is stored (nothing is then comparable but the total).
    /// </summary>
    public async Task<(FrameworkCrosswalk Crosswalk, int? StoredId)?> BetweenAsync(int fromFrameworkRecordId, int toFrameworkRecordId, CancellationToken cancellationToken)
    {
        if (fromFrameworkRecordId == toFrameworkRecordId)
        {
            return (Identity(await frameworks.GetAsync(db, fromFrameworkRecordId, cancellationToken)), null);
        }

        var row = await db.Crosswalks.AsNoTracking()
            .Where(c => c.FromFrameworkRecordId == fromFrameworkRecordId && c.ToFrameworkRecordId == toFrameworkRecordId)
            .Select(c => new { c.Id, c.Json })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (CrosswalkFile.Read(row.Json), row.Id);
    }

    /// <summary>Every node onto itself: two campaigns on the same framework version.</summary>
    public static FrameworkCrosswalk Identity(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return new FrameworkCrosswalk
        {
            FromFrameworkId = framework.Id,
            FromVersion = framework.Version,
            ToFrameworkId = framework.Id,
            ToVersion = framework.Version,
            Entries = framework.AllNodes().Select(n => new CrosswalkEntry(CrosswalkKind.OneToOne, [n.Code], [n.Code], CrosswalkMatch.Code)).ToList(),
        };
    }

    /// <summary>The entry's kind as the file names it (one-to-one, …).</summary>
    public static IReadOnlyList<string> KindNames { get; } = Enum.GetValues<CrosswalkKind>().Select(CrosswalkFile.KindName).ToList();

    private async Task<StoredCrosswalk> AddAsync(FrameworkRecord from, FrameworkRecord to, FrameworkCrosswalk crosswalk, string action, string summary, CurrentUser user, bool isSample, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var json = CrosswalkFile.ToJson(crosswalk);
        var row = new StoredCrosswalk
        {
            FromFrameworkRecordId = from.Id,
            From = from,
            ToFrameworkRecordId = to.Id,
            To = to,
            Json = json,
            Version = 1,
            UpdatedAt = now,
            UpdatedBy = user.UserName,
            IsSample = isSample,
        };
        row.Revisions.Add(new CrosswalkRevision { Version = 1, At = now, UserName = user.UserName, Action = action, Summary = Bounded(summary), Json = json });
        db.Crosswalks.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            // Two people created the same pair at once: the unique index keeps one.
            throw DomainException.Conflict("Bảng chuyển mã giữa hai phiên bản này vừa được tạo; hãy mở bản đã có.", "A crosswalk between these versions was just created; open it.");
        }

        return row;
    }

    private void Update(StoredCrosswalk row, FrameworkCrosswalk crosswalk, string action, string summary, CurrentUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var json = CrosswalkFile.ToJson(crosswalk);
        // The row is updated only if nobody saved it since it was read (Version is the concurrency token).
        row.Version++;
        row.Json = json;
        row.UpdatedAt = now;
        row.UpdatedBy = user.UserName;
        db.CrosswalkRevisions.Add(new CrosswalkRevision { CrosswalkId = row.Id, Version = row.Version, At = now, UserName = user.UserName, Action = action, Summary = Bounded(summary), Json = json });
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            throw StaleConflict();
        }
    }

    private static DomainException StaleConflict() =>
        DomainException.Conflict("Bảng chuyển mã đã được người khác lưu sau khi bạn mở; hãy tải lại trang và sửa lại.", "Someone saved the crosswalk after you opened it; reload and edit again.");

    private async Task<StoredCrosswalk> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Crosswalks.Include(c => c.From).Include(c => c.To);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw DomainException.NotFound($"Không có bảng chuyển mã số {id}.", $"There is no crosswalk number {id}.");
    }

    private async Task<(FrameworkRecord From, FrameworkRecord To)> PairAsync(int fromId, int toId, CancellationToken cancellationToken)
    {
        if (fromId == toId)
        {
            throw new FieldValidationException("toFrameworkRecordId", "Chọn hai phiên bản khác nhau: cùng một phiên bản thì mỗi mã ứng với chính nó.", "Choose two different versions: a version maps onto itself.");
        }

        var from = await db.Frameworks.SingleOrDefaultAsync(f => f.Id == fromId, cancellationToken)
            ?? throw new FieldValidationException("fromFrameworkRecordId", $"Không có bộ tiêu chí số {fromId}.", $"There is no framework number {fromId}.");
        var to = await db.Frameworks.SingleOrDefaultAsync(f => f.Id == toId, cancellationToken)
            ?? throw new FieldValidationException("toFrameworkRecordId", $"Không có bộ tiêu chí số {toId}.", $"There is no framework number {toId}.");
        return (from, to);
    }

    private async Task EnsureNewPairAsync(FrameworkRecord from, FrameworkRecord to, CancellationToken cancellationToken)
    {
        var existing = await db.Crosswalks.AsNoTracking().Where(c => c.FromFrameworkRecordId == from.Id && c.ToFrameworkRecordId == to.Id).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            throw DomainException.Conflict($"Đã có bảng chuyển mã số {id} giữa hai phiên bản này; hãy sửa bản đó.", $"Crosswalk {id} between these versions exists; edit it.");
        }
    }

    private async Task<FrameworkRecord> RecordAsync(string frameworkId, string version, string side, CancellationToken cancellationToken) =>
        await db.Frameworks.SingleOrDefaultAsync(f => f.FrameworkId == frameworkId && f.Version == version, cancellationToken)
            ?? throw new FieldValidationException(side, $"Chưa có bộ tiêu chí {frameworkId} phiên bản {version} (\"{side}\" của tệp): hãy nhập bộ tiêu chí trước.", $"Framework {frameworkId} version {version} (the file's \"{side}\") is not stored: import it first.");

    /// <summary>A row as typed: codes trimmed, the kind named or inferred from the counts; the row number in every error.</summary>
    private static CrosswalkEntry Entry(CrosswalkEntryInput input, int row)
    {
        var field = $"entries[{row}]";
        var from = Codes(input.From, field + ".from", row);
        var to = Codes(input.To, field + ".to", row);
        CrosswalkKind kind;
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            kind = (from.Count, to.Count) switch
            {
                (0, 1) => CrosswalkKind.New,
                (1, 0) => CrosswalkKind.Removed,
                (1, 1) => CrosswalkKind.OneToOne,
                ( > 1, 1) => CrosswalkKind.ManyToOne,
                (1, > 1) => CrosswalkKind.OneToMany,
                _ => throw new FieldValidationException(field, $"Dòng {row}: {from.Count} mã cũ và {to.Count} mã mới không thành một loại chuyển mã (cần 1→1, nhiều→1, 1→nhiều, 0→1 hoặc 1→0).",
                    $"Row {row}: {from.Count} old and {to.Count} new codes are no kind of correspondence (1→1, n→1, 1→n, 0→1 or 1→0)."),
            };
        }
        else
        {
            var name = input.Kind.Trim();
            kind = Enum.GetValues<CrosswalkKind>().Where(k => CrosswalkFile.KindName(k) == name).Select(k => (CrosswalkKind?)k).FirstOrDefault()
                ?? throw new FieldValidationException(field + ".kind", $"Dòng {row}: loại \"{Clip(name)}\" không có; dùng một trong: {string.Join(", ", KindNames)}.", $"Row {row}: unknown kind \"{Clip(name)}\".");
        }

        var entry = new CrosswalkEntry(kind, from, to, CrosswalkMatch.Manual);
        if (!entry.HasConsistentShape)
        {
            throw new FieldValidationException(field, $"Dòng {row}: loại {CrosswalkFile.KindName(kind)} không khớp {from.Count} mã cũ và {to.Count} mã mới (one-to-one 1→1, many-to-one nhiều→1, one-to-many 1→nhiều, new 0→1, removed 1→0).",
                $"Row {row}: kind {CrosswalkFile.KindName(kind)} does not fit {from.Count} old and {to.Count} new codes.");
        }

        return entry;
    }

    private static List<string> Codes(IReadOnlyList<string>? codes, string field, int row)
    {
        var list = (codes ?? []).Select(c => (c ?? "").Trim()).Where(c => c.Length > 0).ToList();
        if (list.Count > 1_000)
        {
            throw new FieldValidationException(field, $"Dòng {row}: quá nhiều mã ({list.Count}).", $"Row {row}: too many codes ({list.Count}).");
        }

        foreach (var code in list.Where(c => c.Length > CrosswalkFile.MaxTextLength))
        {
            throw new FieldValidationException(field, $"Dòng {row}: mã \"{Clip(code)}\" dài quá {CrosswalkFile.MaxTextLength} ký tự.", $"Row {row}: a code is longer than {CrosswalkFile.MaxTextLength} characters.");
        }

        return list;
    }

    /// <summary>Unknown codes, codes twice on a side and wrong shapes are refused; leaves in no row are only warnings (not comparable).</summary>
    private static void EnsureUsable(FrameworkCrosswalk crosswalk, Framework from, Framework to)
    {
        var errors = crosswalk.Validate(from, to)
            .Where(p => p.Code.StartsWith("entries[", StringComparison.Ordinal))
            .Select(p => new FieldError(p.Code, Row(p.Code) + p.Message, Row(p.Code) + p.Message))
            .ToList();
        if (errors.Count > 0)
        {
            throw DomainException.InvalidFields(errors);
        }
    }

    private static string Row(string where) => where.Replace("entries[", "Dòng ", StringComparison.Ordinal).TrimEnd(']') + ": ";

    private static List<string> Warnings(FrameworkCrosswalk crosswalk, Framework from, Framework to) =>
        crosswalk.Validate(from, to).Where(p => !p.Code.StartsWith("entries[", StringComparison.Ordinal)).Select(p => p.Message).ToList();

    private CrosswalkView View(StoredCrosswalk row, FrameworkCrosswalk crosswalk)
    {
        var from = frameworks.Get(row.From!);
        var to = frameworks.Get(row.To!);
        var entries = crosswalk.Entries.Select((e, i) => new CrosswalkEntryView(i + 1, CrosswalkFile.KindName(e.Kind), e.From, e.To, CrosswalkFile.MatchName(e.Match),
                e.From.Select(c => from.Find(c)?.Title).ToList(), e.To.Select(c => to.Find(c)?.Title).ToList()))
            .ToList();
        return new CrosswalkView(row.Id, Side(row.From!), Side(row.To!), row.Version, row.UpdatedAt, row.UpdatedBy, row.IsSample, entries, Warnings(crosswalk, from, to));
    }

    private static CrosswalkSide Side(FrameworkRecord record) => new(record.Id, record.FrameworkId, record.Version, record.Year, record.Title);

    private static string Key(CrosswalkEntry e) => $"{CrosswalkFile.KindName(e.Kind)}|{string.Join(",", e.From)}|{string.Join(",", e.To)}";

    private static string Describe(CrosswalkEntry e) =>
        $"{(e.From.Count == 0 ? "∅" : string.Join(", ", e.From))} → {(e.To.Count == 0 ? "∅" : string.Join(", ", e.To))} ({CrosswalkFile.KindName(e.Kind)})";

    private static string Counts(FrameworkCrosswalk crosswalk) =>
        string.Join(", ", crosswalk.Entries.GroupBy(e => e.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {CrosswalkFile.KindName(g.Key)}"));

    /// <summary>The rows removed and added, in words; null when the two are the same.</summary>
    private static string? Difference(FrameworkCrosswalk before, FrameworkCrosswalk after)
    {
        var old = before.Entries.Select(Key).ToHashSet(StringComparer.Ordinal);
        var now = after.Entries.Select(Key).ToHashSet(StringComparer.Ordinal);
        var removed = before.Entries.Where(e => !now.Contains(Key(e))).Select(Describe).ToList();
        var added = after.Entries.Where(e => !old.Contains(Key(e))).Select(Describe).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return null;
        }

        static string List(List<string> items) => string.Join("; ", items.Take(10)) + (items.Count > 10 ? $"; và {items.Count - 10} dòng khác" : "");
        var parts = new List<string>();
        if (removed.Count > 0)
        {
            parts.Add($"Bỏ {removed.Count} dòng: {List(removed)}");
        }

        if (added.Count > 0)
        {
            parts.Add($"Thêm {added.Count} dòng: {List(added)}");
        }

        return string.Join(". ", parts) + ".";
    }

    private static string Bounded(string text) => text.Length <= TextLimits.Reason ? text : text[..(TextLimits.Reason - 1)] + "…";

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
