using System.Globalization;
using ParIndex.Application.Campaigns;

namespace ParIndex.Cli.Campaigns;

/// <summary>
/// Which stored framework <c>--framework</c> names: a record id, <c>ID/VERSION</c>, or an id that
/// has exactly one stored version. Anything else is refused with the choices.
/// </summary>
internal static class FrameworkChoice
{
    public static int? Resolve(string text, IReadOnlyList<FrameworkView> frameworks, TextWriter stderr, string option = "--framework")
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var recordId) && frameworks.Any(f => f.Id == recordId))
        {
            return recordId;
        }

        var slash = text.LastIndexOf('/');
        var matches = slash > 0
            ? frameworks.Where(f => f.FrameworkId == text[..slash] && f.Version == text[(slash + 1)..]).ToList()
            : frameworks.Where(f => f.FrameworkId == text).ToList();
        if (matches.Count == 1)
        {
            return matches[0].Id;
        }

        var shown = text.Length > 60 ? text[..60] + "…" : text;
        stderr.WriteLine(matches.Count > 1
            ? $"Lỗi: {option}: bộ tiêu chí \"{shown}\" có {matches.Count} phiên bản; hãy ghi MÃ/PHIÊN-BẢN hoặc mã số: {Choices(matches)}."
            : $"Lỗi: {option}: không có bộ tiêu chí \"{shown}\". Các bộ đã lưu: {(frameworks.Count == 0 ? "(chưa có)" : Choices(frameworks))}.");
        return null;
    }

    private static string Choices(IEnumerable<FrameworkView> frameworks) =>
        string.Join("; ", frameworks.Take(20).Select(f => $"{f.Id} = {f.FrameworkId}/{f.Version} ({f.Year})"));
}
