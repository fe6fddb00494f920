namespace ParIndex.Web.Demo;

/// <summary>Bắc Giang province, its contributing departments, and a second province.</summary>
public static class DemoUnits
{
    public const string BacGiangCode = "BG";
    public const string InteriorCode = "BG-SNV";
    public const string JusticeCode = "BG-STP";
    public const string FinanceCode = "BG-STC";
    public const string LangSonCode = "LS";

    private const string NorthernMidlands = "Trung du và miền núi phía Bắc";

    public sealed record DemoUnit(string Code, string Name, string Kind, string? ParentCode, string? Region);

    public static readonly IReadOnlyList<DemoUnit> All =
    [
        new(BacGiangCode, "Tỉnh Bắc Giang", "province", null, NorthernMidlands),
        new(LangSonCode, "Tỉnh Lạng Sơn", "province", null, NorthernMidlands),
        new(InteriorCode, "Sở Nội vụ tỉnh Bắc Giang", "department", BacGiangCode, NorthernMidlands),
        new(JusticeCode, "Sở Tư pháp tỉnh Bắc Giang", "department", BacGiangCode, NorthernMidlands),
        new(FinanceCode, "Sở Tài chính tỉnh Bắc Giang", "department", BacGiangCode, NorthernMidlands),
        new("BG-STTTT", "Sở Thông tin và Truyền thông tỉnh Bắc Giang", "department", BacGiangCode, NorthernMidlands),
        new("BG-VP", "Văn phòng UBND tỉnh Bắc Giang", "department", BacGiangCode, NorthernMidlands),
        new("BG-SKHDT", "Sở Kế hoạch và Đầu tư tỉnh Bắc Giang", "department", BacGiangCode, NorthernMidlands),
    ];

    /// <summary>Criteria given to contributing departments in the demo campaign (SPEC 2.6 examples).</summary>
    public static readonly IReadOnlyList<(string Prefix, string UnitCode)> Assignments =
    [
        ("2", JusticeCode),
        ("6", FinanceCode),
        ("7", "BG-STTTT"),
    ];
}
