namespace ParIndex.Application.Demo;

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

    private const string Midlands = "Vùng trung du (Bắc Giang)";
    private const string Mountains = "Vùng miền núi (Bắc Giang)";

    /// <summary>
    /// Units of Bắc Giang's own internal index (sample campaign): its departments above and these
    /// departments and districts.
    /// </summary>
    public static readonly IReadOnlyList<DemoUnit> Internal =
    [
        new("BG-SXD", "Sở Xây dựng tỉnh Bắc Giang", "department", BacGiangCode, NorthernMidlands),
        new("BG-SYT", "Sở Y tế tỉnh Bắc Giang", "department", BacGiangCode, NorthernMidlands),
        new("BG-SGDDT", "Sở Giáo dục và Đào tạo tỉnh Bắc Giang", "department", BacGiangCode, NorthernMidlands),
        new("BG-TPBG", "Thành phố Bắc Giang", "district", BacGiangCode, Midlands),
        new("BG-VY", "Thị xã Việt Yên", "district", BacGiangCode, Midlands),
        new("BG-HH", "Huyện Hiệp Hòa", "district", BacGiangCode, Midlands),
        new("BG-LG", "Huyện Lạng Giang", "district", BacGiangCode, Midlands),
        new("BG-TY", "Huyện Tân Yên", "district", BacGiangCode, Midlands),
        new("BG-YD", "Huyện Yên Dũng", "district", BacGiangCode, Midlands),
        new("BG-LN", "Huyện Lục Nam", "district", BacGiangCode, Mountains),
        new("BG-LNG", "Huyện Lục Ngạn", "district", BacGiangCode, Mountains),
        new("BG-SD", "Huyện Sơn Động", "district", BacGiangCode, Mountains),
        new("BG-YT", "Huyện Yên Thế", "district", BacGiangCode, Mountains),
    ];

    /// <summary>Criteria given to contributing departments in the demo campaign (SPEC 2.6 examples).</summary>
    public static readonly IReadOnlyList<(string Prefix, string UnitCode)> Assignments =
    [
        ("2", JusticeCode),
        ("6", FinanceCode),
        ("7", "BG-STTTT"),
    ];
}
