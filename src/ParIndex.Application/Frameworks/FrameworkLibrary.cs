using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Problems;
using ParIndex.Core.Frameworks;
using ParIndex.Core.OfficialTables;
using ParIndex.Data;
using ParIndex.Data.Campaigns;
using ParIndex.Data.History;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Application.Frameworks;

/// <summary>
/// The framework library (issue #12, ADR 0122): list, import, export, validate, draft from an
/// official table, clone, edit a draft, activate, retire. A draft is edited; an active version is
/// frozen and is the only kind a new campaign may use; a retired version stays with the campaigns
/// that used it. Administrators and coordinators manage; every other signed-in user reads the
/// active and retired versions only.
/// </summary>
public sealed class FrameworkLibrary(ParIndexDbContext db, TimeProvider clock)
{
    /// <summary>The history's entity name for framework changes.</summary>
    public const string HistoryEntity = "Framework";

    /// <summary>The longest diff summary kept in a history entry.</summary>
    private const int MaxSummary = 1_000;

    public static bool CanManage(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAdministrator || user.IsCoordinator;
    }

    /// <summary>Active versions first (what a campaign can use), then newest year, then id and version.</summary>
    public async Task<IReadOnlyList<FrameworkSummary>> ListAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var manage = CanManage(user);
        var records = await db.Frameworks.AsNoTracking()
            .Where(f => manage || f.State != FrameworkState.Draft)
            .Select(f => new { f.Id, f.FrameworkId, f.Version, f.Year, f.Title, f.UnitKind, f.State, f.Revision, f.ClonedFrom, f.ImportedAt, f.CreatedBy, f.UpdatedAt, f.UpdatedBy, f.ActivatedAt, f.RetiredAt })
            .ToListAsync(cancellationToken);
        var campaigns = (await db.Campaigns.AsNoTracking().Select(c => new { c.Id, c.Name, c.Year, c.FrameworkRecordId }).ToListAsync(cancellationToken))
            .ToLookup(c => c.FrameworkRecordId);
        return records
            .OrderBy(f => f.State == FrameworkState.Active ? 0 : f.State == FrameworkState.Draft ? 1 : 2)
            .ThenByDescending(f => f.Year).ThenBy(f => f.FrameworkId, StringComparer.Ordinal).ThenBy(f => f.Version, StringComparer.Ordinal)
            .Select(f => new FrameworkSummary(f.Id, f.FrameworkId, f.Version, f.Year, f.Title, f.UnitKind, f.State.ToString(), f.Revision,
                campaigns[f.Id].OrderByDescending(c => c.Year).ThenBy(c => c.Id).Select(c => new FrameworkCampaignRef(c.Id, c.Name, c.Year)).ToList(),
                f.ClonedFrom, f.ImportedAt, f.CreatedBy, f.UpdatedAt, f.UpdatedBy, f.ActivatedAt, f.RetiredAt))
            .ToList();
    }

    public async Task<FrameworkDetail> GetAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var record = await ReadableAsync(id, user, cancellationToken);
        var framework = Parse(record);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.FrameworkRecordId == id)
            .OrderByDescending(c => c.Year).ThenBy(c => c.Id).Select(c => new FrameworkCampaignRef(c.Id, c.Name, c.Year)).ToListAsync(cancellationToken);
        var suffix = "#" + id.ToString(CultureInfo.InvariantCulture);
        var history = (await db.History.AsNoTracking().Where(h => h.Entity == HistoryEntity && h.Field.EndsWith(suffix)).ToListAsync(cancellationToken))
            .Where(h => h.Field.EndsWith(suffix, StringComparison.Ordinal))
            .OrderByDescending(h => h.Id)
            .Select(h => new FrameworkHistoryView(h.At, h.UserName, h.Field[..^suffix.Length], h.OldValue, h.NewValue, h.Reason))
            .ToList();
        return new FrameworkDetail(Summary(record, campaigns), record.Json, framework.Leaves().Count(), framework.TotalMax, framework.SurveyMax,
            Problems(framework), history);
    }

    public async Task<FrameworkExport> ExportAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var record = await ReadableAsync(id, user, cancellationToken);
        return new FrameworkExport(FileName(record.FrameworkId, record.Version), FrameworkFile.ToJson(Parse(record)));
    }

    public async Task<IReadOnlyList<FrameworkProblemView>> ValidateAsync(int id, CurrentUser user, CancellationToken cancellationToken) =>
        Problems(Parse(await ReadableAsync(id, user, cancellationToken)));

    /// <summary>Checks a framework file without storing it: a format error or every validation problem.</summary>
    public static IReadOnlyList<FrameworkProblemView> ValidateFile(string json)
    {
        try
        {
            return Problems(FrameworkFile.Read(json));
        }
        catch (FrameworkFormatException ex)
        {
            return [new FrameworkProblemView("file", ex.Message)];
        }
    }

    /// <summary>Compares two readable versions with the Core diff.</summary>
    public async Task<(FrameworkSummary Old, FrameworkSummary New, FrameworkDiffResult Diff)> DiffAsync(int oldId, int newId, CurrentUser user, CancellationToken cancellationToken)
    {
        var older = await ReadableAsync(oldId, user, cancellationToken);
        var newer = await ReadableAsync(newId, user, cancellationToken);
        return (Summary(older, []), Summary(newer, []), FrameworkDiff.Compare(Parse(older), Parse(newer)));
    }

    /// <summary>
    /// Stores a framework file as a draft. A file that cannot be read, or that has any validation
    /// problem, is refused with every problem listed; nothing is stored.
    /// </summary>
    public async Task<FrameworkSummary> ImportAsync(string json, CurrentUser user, CancellationToken cancellationToken)
    {
        EnsureManager(user);
        ArgumentNullException.ThrowIfNull(json);
        var framework = ReadFile(json);
        var problems = Problems(framework);
        if (problems.Count > 0)
        {
            throw Refused(problems, "Tệp bộ tiêu chí có vấn đề nên chưa được nhập", "The framework file has problems and was not imported");
        }

        return await AddDraftAsync(framework, null, user, "Nhập tệp bộ tiêu chí", cancellationToken);
    }

    /// <summary>
    /// A draft from an official table (text, xlsx or PDF, recognised by content): the table's tree
    /// and maxima, the survey rule where the table marks the survey and the manual rule on every
    /// other leaf. The draft is stored even when the table's own sums are wrong; its problems show
    /// at their nodes until fixed.
    /// </summary>
    public async Task<FrameworkDetail> CreateFromTableAsync(Stream table, FrameworkFromTableRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        EnsureManager(user);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        var unitKind = TextInput.Line(request.UnitKind, "unitKind", "Loại đơn vị", 32) ?? "";
        if (unitKind.Length == 0)
        {
            throw new FieldValidationException("unitKind", "Chọn loại đơn vị được đánh giá.", "Choose the kind of unit assessed.");
        }

        var title = TextInput.Line(request.Title, "title", "Tên bộ tiêu chí", 300);
        var frameworkId = TextInput.Line(request.FrameworkId, "frameworkId", "Mã bộ tiêu chí", 100);
        OfficialTable parsed;
        try
        {
            parsed = OfficialTableFileReader.Read(table);
        }
        catch (OfficialTableFormatException ex)
        {
            throw new FieldValidationException("table", "Không đọc được biểu: " + ex.Message, "The table could not be read: " + ex.Message);
        }

        if (request.Year is null && FrameworkDraft.YearOf(parsed) is null)
        {
            throw new FieldValidationException("year", "Tiêu đề biểu không ghi năm; hãy nhập năm.", "The table's title states no year; enter the year.");
        }

        if (request.Year is < FrameworkValidator.MinYear or > FrameworkValidator.MaxYear)
        {
            throw new FieldValidationException("year", $"Năm {request.Year} không hợp lệ.", $"The year {request.Year} is not valid.");
        }

        var framework = FrameworkDraft.FromTable(parsed, unitKind, request.Year, title, frameworkId);
        var summary = await AddDraftAsync(framework, null, user, "Tạo bản nháp từ biểu", cancellationToken);
        return await GetAsync(summary.Id, user, cancellationToken);
    }

    /// <summary>A new draft copied from any version; to a later year, or the next free version of the same year.</summary>
    public async Task<FrameworkSummary> CloneAsync(int id, FrameworkCloneRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        EnsureManager(user);
        ArgumentNullException.ThrowIfNull(request);
        var source = await FindAsync(id, cancellationToken);
        var framework = Parse(source);
        var year = request.Year ?? framework.Year;
        if (year is < FrameworkValidator.MinYear or > FrameworkValidator.MaxYear)
        {
            throw new FieldValidationException("year", $"Năm {year} không hợp lệ.", $"The year {year} is not valid.");
        }

        var sourceYear = framework.Year.ToString(CultureInfo.InvariantCulture);
        var newYear = year.ToString(CultureInfo.InvariantCulture);
        var frameworkId = TextInput.Line(request.FrameworkId, "frameworkId", "Mã bộ tiêu chí", 100) is { Length: > 0 } givenId
            ? givenId
            : year == framework.Year ? framework.Id : ReplaceYear(framework.Id, sourceYear, newYear, "-" + newYear);
        var title = TextInput.Line(request.Title, "title", "Tên bộ tiêu chí", 300) is { Length: > 0 } givenTitle
            ? givenTitle
            : year == framework.Year ? framework.Title : ReplaceYear(framework.Title, sourceYear, newYear, " " + newYear);
        var version = TextInput.Line(request.Version, "version", "Phiên bản", 50) is { Length: > 0 } givenVersion
            ? givenVersion
            : await NextVersionAsync(frameworkId, year == framework.Year ? framework.Version : null, cancellationToken);
        var copy = new Framework
        {
            Id = frameworkId,
            Version = version,
            Year = year,
            Title = title,
            UnitKind = framework.UnitKind,
            LegalBasis = framework.LegalBasis,
            Nodes = framework.Nodes,
        };
        return await AddDraftAsync(copy, Key(source), user, "Sao chép từ " + Key(source), cancellationToken);
    }

    /// <summary>
    /// Saves the editor's whole file over a draft. The revision must be the stored one (a stale
    /// edit is refused with a conflict); the file must be readable, but a draft may have problems.
    /// </summary>
    public async Task<FrameworkDetail> SaveDraftAsync(int id, FrameworkSaveRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        EnsureManager(user);
        ArgumentNullException.ThrowIfNull(request);
        var record = await FindAsync(id, cancellationToken);
        EnsureDraft(record);
        EnsureRevision(record, request.Revision);
        var framework = ReadFile(request.Json ?? "");
        CheckHeaderLimits(framework);
        if ((framework.Id != record.FrameworkId || framework.Version != record.Version)
            && await db.Frameworks.AnyAsync(f => f.Id != id && f.FrameworkId == framework.Id && f.Version == framework.Version, cancellationToken))
        {
            throw Duplicate(framework);
        }

        var before = Parse(record);
        var diff = FrameworkDiff.Compare(before, framework);
        var json = FrameworkFile.ToJson(framework);
        var now = clock.GetUtcNow().UtcDateTime;
        record.FrameworkId = framework.Id;
        record.Version = framework.Version;
        record.Year = framework.Year;
        record.Title = framework.Title;
        record.UnitKind = framework.UnitKind;
        record.Json = json;
        record.UpdatedAt = now;
        record.UpdatedBy = user.UserName;
        record.Revision++;
        Record(record, user, "Content", (record.Revision - 1).ToString(CultureInfo.InvariantCulture), record.Revision.ToString(CultureInfo.InvariantCulture), Summarize(diff));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, user, cancellationToken);
    }

    /// <summary>Freezes a draft so campaigns can use it; refused while validation finds any problem.</summary>
    public async Task<FrameworkSummary> ActivateAsync(int id, FrameworkStateRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        EnsureManager(user);
        ArgumentNullException.ThrowIfNull(request);
        var record = await FindAsync(id, cancellationToken);
        EnsureDraft(record);
        if (request.Revision is { } revision)
        {
            EnsureRevision(record, revision);
        }

        var problems = Problems(Parse(record));
        if (problems.Count > 0)
        {
            throw Refused(problems, "Bộ tiêu chí còn vấn đề nên chưa thể kích hoạt", "The framework still has problems and cannot be activated");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Record(record, user, "State", nameof(FrameworkState.Draft), nameof(FrameworkState.Active), null);
        record.State = FrameworkState.Active;
        record.ActivatedAt = now;
        record.ActivatedBy = user.UserName;
        record.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        return Summary(record, []);
    }

    /// <summary>Withdraws an active version from new campaigns; the campaigns that use it keep it.</summary>
    public async Task<FrameworkSummary> RetireAsync(int id, FrameworkStateRequest request, CurrentUser user, CancellationToken cancellationToken)
    {
        EnsureManager(user);
        ArgumentNullException.ThrowIfNull(request);
        var record = await FindAsync(id, cancellationToken);
        if (record.State != FrameworkState.Active)
        {
            throw DomainException.Conflict(
                $"Chỉ bộ tiêu chí đang áp dụng mới ngừng áp dụng được; {Key(record)} đang ở trạng thái {StateLabel(record.State)}.",
                $"Only an active framework can be retired; {Key(record)} is {record.State}.");
        }

        if (request.Revision is { } revision)
        {
            EnsureRevision(record, revision);
        }

        Record(record, user, "State", nameof(FrameworkState.Active), nameof(FrameworkState.Retired), null);
        record.State = FrameworkState.Retired;
        record.RetiredAt = clock.GetUtcNow().UtcDateTime;
        record.RetiredBy = user.UserName;
        record.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        return Summary(record, []);
    }

    /// <summary>Vietnamese name of a state, as every page shows it.</summary>
    public static string StateLabel(FrameworkState state) => state switch
    {
        FrameworkState.Draft => "Bản nháp",
        FrameworkState.Active => "Đang áp dụng",
        FrameworkState.Retired => "Ngừng áp dụng",
        _ => state.ToString(),
    };

    public static string FileName(string frameworkId, string version) =>
        TextInput.FileName($"{frameworkId}-v{version}.json", "bo-tieu-chi.json");

    internal static IReadOnlyList<FrameworkProblemView> Problems(Framework framework) =>
        FrameworkValidator.Validate(framework).Select(p => new FrameworkProblemView(p.Code, p.Message)).ToList();

    private async Task<FrameworkSummary> AddDraftAsync(Framework framework, string? clonedFrom, CurrentUser user, string reason, CancellationToken cancellationToken)
    {
        CheckHeaderLimits(framework);
        if (await db.Frameworks.AnyAsync(f => f.FrameworkId == framework.Id && f.Version == framework.Version, cancellationToken))
        {
            throw Duplicate(framework);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var record = new FrameworkRecord
        {
            FrameworkId = framework.Id,
            Version = framework.Version,
            Year = framework.Year,
            Title = framework.Title,
            UnitKind = framework.UnitKind,
            Json = FrameworkFile.ToJson(framework),
            ImportedAt = now,
            State = FrameworkState.Draft,
            CreatedBy = user.UserName,
            UpdatedAt = now,
            UpdatedBy = user.UserName,
            ClonedFrom = clonedFrom,
        };
        db.Frameworks.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        Record(record, user, "Created", null, Key(record), reason);
        await db.SaveChangesAsync(cancellationToken);
        return Summary(record, []);
    }

    private async Task<string> NextVersionAsync(string frameworkId, string? sameYearVersion, CancellationToken cancellationToken)
    {
        var taken = (await db.Frameworks.AsNoTracking().Where(f => f.FrameworkId == frameworkId).Select(f => f.Version).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        if (sameYearVersion is null && !taken.Contains(FrameworkDraft.DefaultVersion))
        {
            return FrameworkDraft.DefaultVersion;
        }

        var numbers = taken.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0);
        if (sameYearVersion is null || int.TryParse(sameYearVersion, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return (numbers.Max() + 1).ToString(CultureInfo.InvariantCulture);
        }

        // A version that is not a number (2024.2) gets a suffix: 2024.2.1, 2024.2.2…
        for (var n = 1; ; n++)
        {
            var candidate = sameYearVersion + "." + n.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static string ReplaceYear(string text, string oldYear, string newYear, string appended)
    {
        var at = text.LastIndexOf(oldYear, StringComparison.Ordinal);
        return at < 0 ? text + appended : string.Concat(text.AsSpan(0, at), newYear, text.AsSpan(at + oldYear.Length));
    }

    private async Task<FrameworkRecord> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Frameworks.SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
        ?? throw DomainException.NotFound($"Không có bộ tiêu chí số {id}.", $"There is no framework number {id}.");

    /// <summary>A draft is the managers' working copy: others are told it does not exist.</summary>
    private async Task<FrameworkRecord> ReadableAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var record = await db.Frameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        return record is null || (record.State == FrameworkState.Draft && !CanManage(user))
            ? throw DomainException.NotFound($"Không có bộ tiêu chí số {id}.", $"There is no framework number {id}.")
            : record;
    }

    private static void EnsureManager(CurrentUser user)
    {
        if (!CanManage(user))
        {
            throw DomainException.Forbidden(
                "Chỉ quản trị hệ thống và cơ quan thường trực CCHC được quản lý bộ tiêu chí.",
                "Only administrators and coordinators manage frameworks.");
        }
    }

    private static void EnsureDraft(FrameworkRecord record)
    {
        if (record.State != FrameworkState.Draft)
        {
            throw DomainException.Locked(
                $"Bộ tiêu chí {Key(record)} đang ở trạng thái {StateLabel(record.State)} nên không sửa được. Hãy sao chép thành bản nháp mới.",
                $"The framework {Key(record)} is {record.State} and cannot be edited. Clone it to a new draft.");
        }
    }

    private static void EnsureRevision(FrameworkRecord record, int revision)
    {
        if (record.Revision != revision)
        {
            throw DomainException.Conflict(
                $"Bản nháp đã được {record.UpdatedBy ?? "người khác"} lưu lúc {record.UpdatedAt?.AddHours(7).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)} (lần sửa {record.Revision}, bạn đang sửa từ lần {revision}). Hãy tải lại trang để xem bản mới nhất rồi sửa lại.",
                $"The draft was saved by {record.UpdatedBy ?? "someone else"} (revision {record.Revision}; you edited revision {revision}). Reload the page to see the latest version.");
        }
    }

    private static void CheckHeaderLimits(Framework framework)
    {
        var errors = new List<FieldError>();
        void Limit(string field, string value, int max)
        {
            if (value.Length > max)
            {
                errors.Add(new FieldError(field, $"\"{field}\" dài quá {max} ký tự.", $"\"{field}\" is longer than {max} characters."));
            }
        }

        Limit("id", framework.Id, 100);
        Limit("version", framework.Version, 50);
        Limit("title", framework.Title, 300);
        Limit("unitKind", framework.UnitKind, 32);
        if (errors.Count > 0)
        {
            throw DomainException.InvalidFields(errors);
        }
    }

    private static Framework ReadFile(string json)
    {
        try
        {
            return FrameworkFile.Read(json);
        }
        catch (FrameworkFormatException ex)
        {
            throw new FieldValidationException("file", "Tệp bộ tiêu chí không đọc được. " + ex.Message, "The framework file cannot be read. " + ex.Message);
        }
    }

    private static Framework Parse(FrameworkRecord record) => FrameworkFile.Read(record.Json);

    private static DomainException Refused(IReadOnlyList<FrameworkProblemView> problems, string vietnamese, string english) =>
        new(ErrorKind.Invalid, DomainException.InvalidTitle, $"{vietnamese} ({problems.Count} vấn đề).")
        {
            EnglishTitle = DomainException.InvalidTitleEnglish,
            EnglishDetail = $"{english} ({problems.Count} problems).",
            // Every problem, at its node: the validator's words are Vietnamese in both languages.
            Errors = problems.Select(p => new FieldError(p.Code, p.Message, p.Message)).ToList(),
        };

    private static DomainException Duplicate(Framework framework) => DomainException.Conflict(
        $"Thư viện đã có bộ tiêu chí {framework.Id} phiên bản {framework.Version}. Hãy đổi mã hoặc phiên bản.",
        $"The library already has framework {framework.Id} version {framework.Version}. Change the id or the version.");

    private static string Key(FrameworkRecord record) => record.FrameworkId + "/" + record.Version;

    private static FrameworkSummary Summary(FrameworkRecord f, IReadOnlyList<FrameworkCampaignRef> campaigns) =>
        new(f.Id, f.FrameworkId, f.Version, f.Year, f.Title, f.UnitKind, f.State.ToString(), f.Revision, campaigns, f.ClonedFrom, f.ImportedAt, f.CreatedBy, f.UpdatedAt, f.UpdatedBy, f.ActivatedAt, f.RetiredAt);

    /// <summary>What an edit changed, in the diff's words, for the history.</summary>
    private static string Summarize(FrameworkDiffResult diff)
    {
        if (diff.IsEmpty)
        {
            return "Không đổi nội dung các mục";
        }

        var text = new StringBuilder();
        foreach (var code in diff.Added)
        {
            text.Append("thêm ").Append(code).Append("; ");
        }

        foreach (var code in diff.Removed)
        {
            text.Append("xóa ").Append(code).Append("; ");
        }

        foreach (var change in diff.Changed)
        {
            text.Append(change.Code).Append(' ').Append(change.What).Append(": ").Append(change.Old ?? "—").Append(" → ").Append(change.New ?? "—").Append("; ");
        }

        var summary = text.ToString().TrimEnd(' ', ';');
        return summary.Length <= MaxSummary ? summary : summary[..(MaxSummary - 1)] + "…";
    }

    private void Record(FrameworkRecord record, CurrentUser user, string what, string? oldValue, string? newValue, string? reason)
    {
        db.History.Add(new HistoryEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserName = user.UserName,
            Entity = HistoryEntity,
            Field = what + "#" + record.Id.ToString(CultureInfo.InvariantCulture),
            OldValue = oldValue,
            NewValue = newValue,
            Reason = reason,
        });
    }
}
