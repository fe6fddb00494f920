using ParIndex.Application.Problems;
using ParIndex.Core.Workflow;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;

namespace ParIndex.Application.Workflow;

/// <summary>
/// When a campaign or an assessment can no longer be written: published campaigns, frozen
/// assessments, a passed response deadline. Shared by every feature that writes, so it sits below them.
/// </summary>
public static class EditLocks
{
    public const string PublishedMessage = "Kết quả kỳ đánh giá đã được công bố: không thể thay đổi.";

    public const string PublishedMessageEnglish = "The campaign results are published: nothing can be changed.";

    /// <summary>Refuses any write to a published campaign (409).</summary>
    public static void EnsureOpen(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.PublishedAt is not null)
        {
            throw DomainException.Conflict(PublishedMessage, PublishedMessageEnglish);
        }
    }

    /// <summary>Why the unit cannot answer now (state or response deadline), or null.</summary>
    public static string? ResponseLockReason(Assessment assessment, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (!WorkflowRules.ResponseEditable(assessment.Status))
        {
            return $"Bản đánh giá đang ở trạng thái \"{StatusNames.Vietnamese(assessment.Status)}\": chỉ giải trình khi đã nhận kết quả sơ bộ.";
        }

        return assessment.Campaign?.ResponseDeadline is { } deadline && utcNow > deadline
            ? "Đã quá hạn giải trình kết quả thẩm định."
            : null;
    }

    /// <summary>The English text of <see cref="ResponseLockReason"/>.</summary>
    public static string? ResponseLockReasonEnglish(Assessment assessment, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (!WorkflowRules.ResponseEditable(assessment.Status))
        {
            return $"The assessment is \"{StatusNames.English(assessment.Status)}\": a response is possible only once the preliminary result is received.";
        }

        return assessment.Campaign?.ResponseDeadline is { } deadline && utcNow > deadline
            ? "The deadline for responding to the appraisal result has passed."
            : null;
    }

    public static void EnsureNotFrozen(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (WorkflowRules.Frozen(assessment.Status) || assessment.Campaign?.PublishedAt is not null)
        {
            throw DomainException.Conflict("Kết quả đã được công bố: không thể thay đổi.", "The result is published: it cannot be changed.");
        }
    }
}
