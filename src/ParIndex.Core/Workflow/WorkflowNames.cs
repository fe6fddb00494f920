namespace ParIndex.Core.Workflow;

/// <summary>Vietnamese (and English) names of states, shown in the UI and in messages.</summary>
public static class StatusNames
{
    public static string Vietnamese(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "Đang tự đánh giá",
        AssessmentStatus.Submitted => "Đã gửi",
        AssessmentStatus.UnderAppraisal => "Đang thẩm định",
        AssessmentStatus.PreliminarySent => "Đã gửi kết quả sơ bộ",
        AssessmentStatus.Responded => "Đơn vị đã giải trình",
        AssessmentStatus.Final => "Đã phê duyệt",
        AssessmentStatus.Published => "Đã công bố",
        _ => status.ToString(),
    };

    public static string English(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "Self-assessment in progress",
        AssessmentStatus.Submitted => "Submitted",
        AssessmentStatus.UnderAppraisal => "Under appraisal",
        AssessmentStatus.PreliminarySent => "Preliminary result sent",
        AssessmentStatus.Responded => "Responded",
        AssessmentStatus.Final => "Approved",
        AssessmentStatus.Published => "Published",
        _ => status.ToString(),
    };
}

public static class ActionNames
{
    public static string Vietnamese(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "gửi bản tự đánh giá",
        WorkflowAction.Withdraw => "rút lại bản tự đánh giá",
        WorkflowAction.StartAppraisal => "bắt đầu thẩm định",
        WorkflowAction.SendPreliminary => "gửi kết quả sơ bộ",
        WorkflowAction.Respond => "gửi giải trình",
        WorkflowAction.Approve => "phê duyệt kết quả",
        WorkflowAction.Publish => "công bố kết quả",
        _ => action.ToString(),
    };

    public static string English(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "submit the self-assessment",
        WorkflowAction.Withdraw => "withdraw the self-assessment",
        WorkflowAction.StartAppraisal => "start the appraisal",
        WorkflowAction.SendPreliminary => "send the preliminary result",
        WorkflowAction.Respond => "send the response",
        WorkflowAction.Approve => "approve the result",
        WorkflowAction.Publish => "publish the result",
        _ => action.ToString(),
    };
}

public static class RoleNames
{
    public static string Vietnamese(Role role) => role switch
    {
        Role.Administrator => "Quản trị hệ thống",
        Role.Coordinator => "Cơ quan thường trực CCHC",
        Role.UnitEditor => "Cán bộ đầu mối",
        Role.UnitLead => "Lãnh đạo đơn vị",
        Role.Appraiser => "Tổ thẩm định",
        Role.CouncilChair => "Chủ tịch Hội đồng",
        _ => role.ToString(),
    };

    public static string English(Role role) => role switch
    {
        Role.Administrator => "System administrator",
        Role.Coordinator => "PAR standing agency",
        Role.UnitEditor => "Unit focal point",
        Role.UnitLead => "Unit leader",
        Role.Appraiser => "Appraisal team",
        Role.CouncilChair => "Council chair",
        _ => role.ToString(),
    };
}
