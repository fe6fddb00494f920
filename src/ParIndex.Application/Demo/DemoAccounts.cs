using ParIndex.Data.Accounts;

namespace ParIndex.Application.Demo;

/// <summary>The demo accounts: one per role, scoped to the demo units.</summary>
public static class DemoAccounts
{
    public sealed record Account(string UserName, string FullName, string Role, string? UnitCode);

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin", "Quản trị hệ thống", Roles.Administrator, null),
        new("coordinator", "Chuyên viên Sở Nội vụ", Roles.Coordinator, DemoUnits.InteriorCode),
        new("editor.bacgiang", "Cán bộ đầu mối tỉnh Bắc Giang", Roles.UnitEditor, DemoUnits.BacGiangCode),
        new("lead.bacgiang", "Lãnh đạo UBND tỉnh Bắc Giang", Roles.UnitLead, DemoUnits.BacGiangCode),
        new("editor.stp", "Cán bộ Sở Tư pháp (lĩnh vực 2)", Roles.UnitEditor, DemoUnits.JusticeCode),
        new("editor.langson", "Cán bộ đầu mối tỉnh Lạng Sơn", Roles.UnitEditor, DemoUnits.LangSonCode),
        new("lead.langson", "Lãnh đạo UBND tỉnh Lạng Sơn", Roles.UnitLead, DemoUnits.LangSonCode),
        new("appraiser", "Thành viên Tổ thẩm định", Roles.Appraiser, null),
        new("chair", "Chủ tịch Hội đồng thẩm định", Roles.CouncilChair, null),
    ];
}
