namespace ParIndex.Documents.OfficialTables;

/// <summary>The columns of the official layouts (the seed's header row, and the appraisal table).</summary>
public static class TableLayouts
{
    public const string TotalLabel = "TỔNG ĐIỂM";

    public const string CodeHeader = "STT";
    public const string TitleHeader = "Lĩnh vực/Tiêu chí/Tiêu chí thành phần";
    public const string MaxHeader = "Điểm chuẩn";
    public const string SelfScoreHeader = "Điểm tự đánh giá";
    public const string ExplanationHeader = "Giải trình";
    public const string AppraisedHeader = "Điểm thẩm định";
    public const string SurveyHeader = "Điểm điều tra XHH";
    public const string FinalHeader = "Điểm đạt được";
    public const string IndexHeader = "Chỉ số (%)";

    private static readonly TableColumn Code = new() { Header = CodeHeader, Weight = 6, Kind = ColumnKind.Code, RowText = r => r.Code };
    private static readonly TableColumn Max = Number(MaxHeader, 7, r => r.Max, t => t.Max);
    private static readonly TableColumn Self = Number(SelfScoreHeader, 8, r => r.SelfScore, t => t.SelfScore);

    /// <summary>STT · Lĩnh vực/Tiêu chí/Tiêu chí thành phần · Điểm chuẩn · Điểm tự đánh giá · Giải trình.</summary>
    public static IReadOnlyList<TableColumn> SelfAssessment { get; } =
    [
        Code,
        Title(33),
        Max,
        Self,
        Explanation(46),
    ];

    /// <summary>The self-assessment columns with the appraisal's figures before the explanation.</summary>
    public static IReadOnlyList<TableColumn> Appraisal { get; } =
    [
        Code,
        Title(25),
        Max,
        Self,
        Number(AppraisedHeader, 8, r => r.AppraisedScore, t => t.AppraisedScore),
        Number(SurveyHeader, 8, r => r.SurveyScore, t => t.SurveyScore),
        Number(FinalHeader, 8, r => r.FinalScore, t => t.FinalScore),
        new TableColumn { Header = IndexHeader, Weight = 7, Kind = ColumnKind.Number, IsPercent = true, RowNumber = r => r.IndexPercent, TotalNumber = t => t.IndexPercent },
        Explanation(23),
    ];

    public static IReadOnlyList<TableColumn> For(TableLayoutKind kind) =>
        kind == TableLayoutKind.Appraisal ? Appraisal : SelfAssessment;

    private static TableColumn Title(double weight) =>
        new() { Header = TitleHeader, Weight = weight, Kind = ColumnKind.Title, RowText = r => r.Title };

    private static TableColumn Explanation(double weight) =>
        new() { Header = ExplanationHeader, Weight = weight, Kind = ColumnKind.Explanation, RowText = r => r.Explanation };

    private static TableColumn Number(string header, double weight, Func<AssessmentTableRow, decimal?> row, Func<AssessmentTableTotal, decimal?> total) =>
        new() { Header = header, Weight = weight, Kind = ColumnKind.Number, RowNumber = row, TotalNumber = total };
}
