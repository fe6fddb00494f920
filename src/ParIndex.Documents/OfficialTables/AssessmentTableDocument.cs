namespace ParIndex.Documents.OfficialTables;

/// <summary>
/// What an official table document shows, independent of where the figures are stored: the
/// title block and the rows. The web app builds it from the database, the CLI from a read
/// <see cref="ParIndex.Core.OfficialTables.OfficialTable"/> (<see cref="AssessmentTableDocumentFactory"/>).
/// </summary>
public sealed class AssessmentTableDocument
{
    /// <summary>Which columns the table has.</summary>
    public TableLayoutKind Layout { get; init; } = TableLayoutKind.SelfAssessment;

    /// <summary>Bold centred title lines, e.g. <c>BIỂU TỰ ĐÁNH GIÁ</c>, <c>CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH BẮC GIANG NĂM 2023</c>.</summary>
    public required IReadOnlyList<string> TitleLines { get; init; }

    /// <summary>The assessed unit as written in running text, e.g. <c>tỉnh Bắc Giang</c>.</summary>
    public string UnitName { get; init; } = "";

    public int? Year { get; init; }

    /// <summary>The italic line under the title naming the report the table accompanies; empty for none.</summary>
    public IReadOnlyList<string> ReportLines { get; init; } = [];

    /// <summary>Every row in document order (fields, criteria, sub-criteria); nesting is given by <see cref="AssessmentTableRow.Level"/>.</summary>
    public required IReadOnlyList<AssessmentTableRow> Rows { get; init; }

    /// <summary>The TỔNG ĐIỂM row.</summary>
    public required AssessmentTableTotal Total { get; init; }
}

/// <summary>The two official layouts.</summary>
public enum TableLayoutKind
{
    /// <summary>STT · Lĩnh vực/Tiêu chí/Tiêu chí thành phần · Điểm chuẩn · Điểm tự đánh giá · Giải trình.</summary>
    SelfAssessment,

    /// <summary>The self-assessment columns plus Điểm thẩm định · Điểm điều tra XHH · Điểm đạt được · Chỉ số (%).</summary>
    Appraisal,
}

/// <summary>One row of the table. Scores left null show as empty cells.</summary>
public sealed class AssessmentTableRow
{
    /// <summary>STT: <c>1</c>, <c>1.3</c>, <c>1.3.1</c>.</summary>
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>1 for a field (lĩnh vực), 2 for a criterion, 3 for a sub-criterion, and so on.</summary>
    public required int Level { get; init; }

    /// <summary>True when the row has children: its figures are subtotals (shown bold).</summary>
    public bool HasChildren { get; init; }

    /// <summary>Điểm chuẩn.</summary>
    public required decimal Max { get; init; }

    /// <summary>Điểm tự đánh giá.</summary>
    public decimal? SelfScore { get; init; }

    /// <summary>Giải trình; paragraphs separated by <c>\n</c>.</summary>
    public string Explanation { get; init; } = "";

    /// <summary>Scored by the sociological survey rather than self-assessed.</summary>
    public bool IsSurvey { get; init; }

    /// <summary>Điểm thẩm định (appraisal layout).</summary>
    public decimal? AppraisedScore { get; init; }

    /// <summary>Điểm điều tra XHH (appraisal layout).</summary>
    public decimal? SurveyScore { get; init; }

    /// <summary>Điểm đạt được (appraisal layout).</summary>
    public decimal? FinalScore { get; init; }

    /// <summary>Chỉ số, in percent (91.16 for 91,16%), appraisal layout.</summary>
    public decimal? IndexPercent { get; init; }

    /// <summary>Field rows and subtotals are bold in the official layout.</summary>
    public bool IsBold => Level == 1 || HasChildren;
}

/// <summary>The TỔNG ĐIỂM row.</summary>
public sealed class AssessmentTableTotal
{
    public required decimal Max { get; init; }

    public decimal? SelfScore { get; init; }

    public decimal? AppraisedScore { get; init; }

    public decimal? SurveyScore { get; init; }

    public decimal? FinalScore { get; init; }

    public decimal? IndexPercent { get; init; }
}
