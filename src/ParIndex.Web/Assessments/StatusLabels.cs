using ParIndex.Data.Assessments;

namespace ParIndex.Web.Assessments;

/// <summary>Names of the workflow states as users read them.</summary>
public static class StatusLabels
{
    public static string Vietnamese(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "Đang tự đánh giá",
        AssessmentStatus.Submitted => "Đã gửi",
        AssessmentStatus.UnderAppraisal => "Đang thẩm định",
        AssessmentStatus.PreliminarySent => "Đã gửi kết quả sơ bộ",
        AssessmentStatus.Responded => "Đã giải trình",
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
