namespace ParIndex.Data.Assessments;

/// <summary>
/// What the unit fills in on its self-assessment report (Báo cáo tự đánh giá, Decree 30 layout):
/// số/ký hiệu, place and date, the superior body, difficulties, recommendations, recipients and
/// the signer. One row per assessment, created on the first save.
/// </summary>
public sealed class AssessmentReport
{
    public int AssessmentId { get; set; }

    public Assessment? Assessment { get; set; }

    /// <summary>Cơ quan chủ quản, printed above the unit's name.</summary>
    public string SuperiorBody { get; set; } = "";

    /// <summary>Số, ký hiệu, e.g. <c>125/BC-UBND</c>.</summary>
    public string DocumentNumber { get; set; } = "";

    public string Place { get; set; } = "";

    public DateOnly? Date { get; set; }

    public string Difficulties { get; set; } = "";

    public string Recommendations { get; set; } = "";

    /// <summary>Nơi nhận, one per line.</summary>
    public string Recipients { get; set; } = "";

    /// <summary>Quyền hạn (TM., KT., Q.…) of the signer.</summary>
    public string SignerAuthority { get; set; } = "";

    public string SignerTitle { get; set; } = "";

    public string SignerName { get; set; } = "";

    /// <summary>Optimistic concurrency token: incremented on every save.</summary>
    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
