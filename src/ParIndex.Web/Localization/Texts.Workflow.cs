using ParIndex.Application.Workflow;
using ParIndex.Core.Workflow;
using ParIndex.Data.Accounts;

namespace ParIndex.Web.Localization;

/// <summary>The words of the self-assessment, appraisal and history pages shared by several pages (ADR 0137).</summary>
public sealed partial class Texts
{
    private static readonly Dictionary<string, (string Vi, string En)> WorkflowStrings = new(StringComparer.Ordinal)
    {
        ["Appraisal"] = ("Thẩm định", "Appraisal"),
        ["Appraised"] = ("Thẩm định", "Appraised"),
        ["FinalScore"] = ("Cuối cùng", "Final"),
        ["SelfAssessment"] = ("Bản tự đánh giá", "Self-assessment"),
        ["SelfAssessed"] = ("Tự đánh giá", "Self-assessed"),
        ["ResponseDeadline"] = ("Hạn giải trình", "Response deadline"),
        ["SampleData"] = ("Dữ liệu mẫu (sinh tự động để minh hoạ), không phải kết quả chính thức.", "Sample data (generated for illustration), not official results."),
        ["Reason"] = ("Lý do", "Reason"),
        ["UnitExplanation"] = ("Giải trình của đơn vị", "The unit's explanation"),
        ["Action.submit"] = ("Gửi bản tự đánh giá", "Submit the self-assessment"),
        ["Action.withdraw"] = ("Rút lại", "Withdraw"),
        ["Action.start-appraisal"] = ("Bắt đầu thẩm định", "Start the appraisal"),
        ["Action.send-preliminary"] = ("Gửi kết quả sơ bộ cho đơn vị", "Send the preliminary result to the unit"),
        ["Action.respond"] = ("Gửi giải trình", "Send the response"),
        ["Action.approve"] = ("Phê duyệt kết quả", "Approve the result"),
        ["Action.publish"] = ("Công bố kết quả", "Publish the result"),
    };

    /// <summary>The name of a role in the page's language.</summary>
    public string RoleName(string role) => !IsEnglish ? Roles.VietnameseName(role) : role switch
    {
        Roles.Administrator => "System administrator",
        Roles.Coordinator => "PAR coordinating agency",
        Roles.UnitEditor => "Unit focal officer",
        Roles.UnitLead => "Unit lead",
        Roles.Appraiser => "Appraisal team",
        Roles.CouncilChair => "Appraisal council chair",
        _ => role,
    };

    /// <summary>The name of a workflow state in the page's language.</summary>
    public string State(AssessmentStatus status) => IsEnglish ? StatusLabels.English(status) : StatusLabels.Vietnamese(status);

    /// <summary>The name of a workflow state given as the views carry it: its enum name or its Vietnamese name.</summary>
    public string State(string status) =>
        Enum.TryParse<AssessmentStatus>(status, out var s) ? State(s)
        : Enum.GetValues<AssessmentStatus>().Where(v => StatusLabels.Vietnamese(v) == status).Select(State).FirstOrDefault() ?? status;
}
