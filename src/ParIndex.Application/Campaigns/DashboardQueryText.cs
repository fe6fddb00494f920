using System.Globalization;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Workflow;

namespace ParIndex.Application.Campaigns;

/// <summary>
/// The dashboard query as it travels in a URL (<c>?q=&amp;state=Draft&amp;sort=points&amp;desc=1&amp;page=2</c>),
/// read the same way by the page, the JSON API and the export, and written back for links.
/// </summary>
public static class DashboardQueryText
{
    /// <summary>The longest search text accepted (a unit name is at most 300 characters; nobody types more than this).</summary>
    public const int MaxSearchLength = 100;

    public static DashboardQuery Parse(string? search, string? state, string? kind, string? overdue, string? missing, string? sort, string? desc, string? page, string? size)
    {
        var text = TextInput.Line(search, "q", "Tìm đơn vị", MaxSearchLength);
        AssessmentStatus? status = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            status = Enum.TryParse<AssessmentStatus>(state.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(state, out _)
                ? s
                : throw new FieldValidationException("state", $"Trạng thái \"{Short(state)}\" không hợp lệ; dùng một trong: {string.Join(", ", Enum.GetNames<AssessmentStatus>())}.",
                    $"The state \"{Short(state)}\" is not valid; use one of: {string.Join(", ", Enum.GetNames<AssessmentStatus>())}.");
        }

        var unitKind = string.IsNullOrWhiteSpace(kind) ? null : kind.Trim();
        if (unitKind is not null && !UnitKindNames.All.Contains(unitKind))
        {
            throw new FieldValidationException("kind", $"Loại đơn vị \"{Short(unitKind)}\" không hợp lệ; dùng một trong: {string.Join(", ", UnitKindNames.All)}.",
                $"The unit kind \"{Short(unitKind)}\" is not valid; use one of: {string.Join(", ", UnitKindNames.All)}.");
        }

        var order = DashboardSort.Unit;
        if (!string.IsNullOrWhiteSpace(sort) && !(Enum.TryParse(sort.Trim(), ignoreCase: true, out order) && Enum.IsDefined(order) && !int.TryParse(sort, out _)))
        {
            throw new FieldValidationException("sort", $"Cột sắp xếp \"{Short(sort)}\" không hợp lệ; dùng một trong: {string.Join(", ", Enum.GetNames<DashboardSort>())}.",
                $"The sort column \"{Short(sort)}\" is not valid; use one of: {string.Join(", ", Enum.GetNames<DashboardSort>())}.");
        }

        return new DashboardQuery(text, status, unitKind, Flag(overdue), Flag(missing), order, Flag(desc),
            Number(page, "page", 1, int.MaxValue, 1), Number(size, "size", 1, CampaignDashboard.MaxPageSize, CampaignDashboard.DefaultPageSize));
    }

    /// <summary>The query string of <paramref name="query"/> (without <c>?</c>), defaults left out, for links and the export.</summary>
    public static string Format(DashboardQuery query, bool withPage = true)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        void Add(string name, string value) => parts.Add(name + "=" + Uri.EscapeDataString(value));
        if (!string.IsNullOrEmpty(query.Search))
        {
            Add("q", query.Search);
        }

        if (query.State is { } state)
        {
            Add("state", state.ToString());
        }

        if (!string.IsNullOrEmpty(query.Kind))
        {
            Add("kind", query.Kind);
        }

        if (query.OverdueOnly)
        {
            Add("overdue", "1");
        }

        if (query.MissingEvidenceOnly)
        {
            Add("missing", "1");
        }

        if (query.Sort != DashboardSort.Unit)
        {
            Add("sort", query.Sort.ToString().ToLowerInvariant());
        }

        if (query.Descending)
        {
            Add("desc", "1");
        }

        if (withPage && query.Page > 1)
        {
            Add("page", query.Page.ToString(CultureInfo.InvariantCulture));
        }

        if (withPage && query.PageSize != CampaignDashboard.DefaultPageSize)
        {
            Add("size", query.PageSize.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join("&", parts);
    }

    private static bool Flag(string? value) => value?.Trim().ToLowerInvariant() is "1" or "true" or "on";

    private static int Number(string? value, string field, int min, int max, int fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FieldValidationException(field, $"\"{Short(value)}\" không phải số từ {min} đến {max}.", $"\"{Short(value)}\" is not a number from {min} to {max}.");
    }

    private static string Short(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
