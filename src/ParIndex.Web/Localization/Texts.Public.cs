using ParIndex.Application.Workflow;
using ParIndex.Core.Numbers;

namespace ParIndex.Web.Localization;

/// <summary>The words of the public results pages (ranking, score card, verification) shared by several pages (ADR 0137).</summary>
public sealed partial class Texts
{
    private static readonly Dictionary<string, (string Vi, string En)> PublicStrings = new(StringComparer.Ordinal)
    {
        ["PublishedResults"] = ("Kết quả công bố", "Published results"),
        ["Rank"] = ("Hạng", "Rank"),
        ["PointsEarned"] = ("Điểm đạt", "Points"),
        ["Index"] = ("Chỉ số", "Index"),
        ["Field"] = ("Lĩnh vực", "Field"),
        ["Lost"] = ("Bị mất", "Lost"),
        ["PublishedAt"] = ("Công bố", "Published"),
        ["Band"] = ("Nhóm", "Band"),
        ["Change"] = ("Thay đổi", "Change"),
        ["Movement"] = ("Thứ hạng", "Rank change"),
        ["Tied"] = (" (đồng hạng)", " (tied)"),
        ["Ranking"] = ("Bảng xếp hạng", "Ranking"),
        ["UnitsWord"] = ("đơn vị", "units"),
        ["Previous"] = ("Trước", "Previous"),
        ["Next"] = ("Sau", "Next"),
        ["IndexRule"] = ("Chỉ số = điểm đạt được / điểm chuẩn × 100%; xếp hạng trong nhóm đơn vị cùng loại, đồng hạng khi chỉ số bằng nhau ở 2 chữ số thập phân.", "Index = points earned / maximum × 100%; ranked among units of the same type, tied when the indexes are equal to 2 decimals."),
    };

    /// <summary>The name of a peer group (unit type) in the page's language.</summary>
    public string UnitKind(string? kind) => UnitKindNames.Name(kind, IsEnglish);

    /// <summary>A change of index in percentage points (numbers in Vietnamese format in both languages, ADR 0137).</summary>
    public string Change(decimal? change) =>
        change is { } c ? (c > 0 ? "+" : "") + VietnameseNumbers.FormatPercent(c).TrimEnd('%') + L(" điểm %", " pp") : "–";

    /// <summary>The move in the ranking since the previous campaign.</summary>
    public string Movement(int? movement) => movement switch
    {
        null => L("mới", "new"),
        > 0 => L($"▲ tăng {movement} bậc", $"▲ up {movement}"),
        < 0 => L($"▼ giảm {-movement} bậc", $"▼ down {-movement}"),
        _ => L("giữ nguyên", "unchanged"),
    };
}
