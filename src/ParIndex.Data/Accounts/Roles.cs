namespace ParIndex.Data.Accounts;

/// <summary>The roles of SPEC 1. Names are stored in Identity's role table and used in policies.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Coordinator = "Coordinator";
    public const string UnitEditor = "UnitEditor";
    public const string UnitLead = "UnitLead";
    public const string Appraiser = "Appraiser";
    public const string CouncilChair = "CouncilChair";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Coordinator, UnitEditor, UnitLead, Appraiser, CouncilChair];

    /// <summary>The claim that carries the id of the user's unit.</summary>
    public const string UnitClaim = "parindex:unit";

    /// <summary>Vietnamese label of a role.</summary>
    public static string VietnameseName(string role) => role switch
    {
        Administrator => "Quản trị hệ thống",
        Coordinator => "Cơ quan thường trực CCHC",
        UnitEditor => "Cán bộ đầu mối",
        UnitLead => "Lãnh đạo đơn vị",
        Appraiser => "Tổ thẩm định",
        CouncilChair => "Chủ tịch Hội đồng",
        _ => role,
    };
}
