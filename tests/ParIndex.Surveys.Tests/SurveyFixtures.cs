using System.Text;
using MiniExcelLibs;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Responses;

namespace ParIndex.Surveys.Tests;

/// <summary>A three-leaf survey framework, its questionnaire and a hand-checked answer set in every shape and file type.</summary>
internal static class SurveyFixtures
{
    public static Framework TestFramework { get; } = new()
    {
        Id = "test-survey",
        Version = "1",
        Year = 2023,
        Title = "Thử nghiệm điều tra",
        Nodes =
        [
            Node("2", Leaf("2.4.1", 1m)),
            Node("8", Leaf("8.1.1", 1.5m), Leaf("8.1.2", 2m)),
        ],
    };

    public static Questionnaire TestQuestionnaire { get; } = new()
    {
        Id = "thu-nghiem-nguoi-dan",
        Title = "Phiếu thử nghiệm",
        FrameworkId = "test-survey",
        RespondentGroup = "nguoi-dan",
        Questions =
        [
            new SurveyQuestion
            {
                Code = "Q1", Text = "Tính hợp lý", LeafCode = "2.4.1",
                Scale = new OptionScale(
                [
                    new AnswerOption("A", "Rất tốt", 1m), new AnswerOption("B", "Tốt", 0.6m), new AnswerOption("C", "Chưa tốt", 0.2m),
                    new AnswerOption("D", "Kém", 0m), new AnswerOption("E", "Không biết", null),
                ]),
            },
            new SurveyQuestion { Code = "Q2", Text = "Hài lòng tiếp cận", LeafCode = "8.1.1", Scale = new LikertScale(invalidAnswers: [new AnswerOption("0", "Không biết", null)]) },
            new SurveyQuestion { Code = "Q3", Text = "Hài lòng tổ chức", LeafCode = "8.1.2", Scale = new LikertScale(invalidAnswers: [new AnswerOption("0", "Không biết", null)]) },
        ],
    };

    /// <summary>
    /// Hand calculation (unit U1):
    /// Q1 → 2.4.1 (max 1): A, B, b, C, D valid (1 + 0,6 + 0,6 + 0,2 + 0 = 2,4; n = 5; mean 0,48) and E = không biết → 0,48 points.
    /// Q2 → 8.1.1 (max 1,5): 5, 4, 4, 3, 1 valid (1 + 0,75 + 0,75 + 0,5 + 0 = 3; mean 0,6) and 0 = không biết → 0,9 points; SIPAS 3/5 = 60%.
    /// Q3 → 8.1.2 (max 2): 5, 5, 4 (2,75 / 3 = 0,91666…) and three blanks (no answer) → 1,8333 points; SIPAS 3/3 = 100%.
    /// Unit U2 answers Q1 with D only → 0 points.
    /// </summary>
    private static readonly string[] LongHeader = ["respondent", "unit", "question", "answer"];

    public static readonly string[][] WideRows =
    [
        ["respondent", "unit", "Q1", "Q2", "Q3"],
        ["r1", "U1", "A", "5", "5"],
        ["r2", "U1", "B", "4", "5"],
        ["r3", "U1", "b", "4", "4"],
        ["r4", "U1", "C", "3", ""],
        ["r5", "U1", "D", "1", ""],
        ["r6", "U1", "E", "0", ""],
        ["r7", "U2", "D", "", ""],
    ];

    /// <summary>The same answers, one row per answer (blank answers left out, as long exports do).</summary>
    public static string[][] LongRows()
    {
        var rows = new List<string[]> { LongHeader };
        foreach (var row in WideRows.Skip(1))
        {
            for (var q = 2; q < row.Length; q++)
            {
                if (row[q].Length > 0)
                {
                    rows.Add([row[0], row[1], WideRows[0][q], row[q]]);
                }
            }
        }

        return [.. rows];
    }

    public static string Csv(IEnumerable<string[]> rows, char delimiter = ',') =>
        string.Concat(rows.Select(r => string.Join(delimiter, r.Select(c => Quote(c, delimiter))) + "\r\n"));

    public static string Quote(string cell, char delimiter = ',') =>
        cell.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    public static ResponseFile CsvFile(string text, string name = "ket-qua.csv") =>
        ResponseFile.FromBytes(name, Encoding.UTF8.GetBytes(text));

    /// <summary>An XLSX whose first row is the header; cells that look like whole numbers are written as numbers, as Excel would store them.</summary>
    public static ResponseFile XlsxFile(string[][] rows, string name = "ket-qua.xlsx")
    {
        var records = rows.Skip(1).Select(r =>
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < rows[0].Length; i++)
            {
                var cell = i < r.Length ? r[i] : "";
                record[rows[0][i]] = int.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
                    : decimal.TryParse(cell, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d
                    : cell.Length == 0 ? null : cell;
            }

            return record;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(records, printHeader: true, excelType: ExcelType.XLSX);
        return ResponseFile.FromBytes(name, stream.ToArray());
    }

    public static SurveyColumnMapping Wide { get; } = new() { UnitColumn = "unit" };

    public static SurveyColumnMapping Long { get; } = new() { Shape = ResponseShape.Long, UnitColumn = "unit" };

    private static FrameworkNode Leaf(string code, decimal max) =>
        new() { Code = code, Title = $"Tiêu chí {code}", Max = max, Rule = SurveyRule.Instance };

    private static FrameworkNode Node(string code, params FrameworkNode[] children) =>
        new() { Code = code, Title = $"Nút {code}", Max = children.Sum(c => c.Max), Children = children };
}
