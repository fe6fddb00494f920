using System.Text;
using ParIndex.Surveys.Responses;
using static ParIndex.Surveys.Tests.SurveyFixtures;

namespace ParIndex.Surveys.Tests;

public class ResponseTableTests
{
    private static List<string[]> ReadAll(string text, char? delimiter = null, int bufferHint = 0)
    {
        _ = bufferHint;
        using var csv = new CsvRecordReader(new StringReader(text), delimiter);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv[i].ToString()).ToArray());
        }

        return rows;
    }

    [Fact]
    public void Rfc4180_quotes_doubled_quotes_and_line_breaks_in_cells()
    {
        var rows = ReadAll("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",,x\n");
        Assert.Equal(["a", "b, c", "say \"hi\""], rows[0]);
        Assert.Equal(["line1\nline2", "", "x"], rows[1]);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void Last_record_without_newline_and_trailing_empty_cell()
    {
        var rows = ReadAll("a,b,\nc,d,e");
        Assert.Equal(["a", "b", ""], rows[0]);
        Assert.Equal(["c", "d", "e"], rows[1]);
    }

    [Fact]
    public void Delimiter_is_detected_from_the_header()
    {
        Assert.Equal(';', new CsvRecordReader(new StringReader("a;b;\"c,d\"\n")).Delimiter);
        Assert.Equal('\t', new CsvRecordReader(new StringReader("a\tb\tc\n")).Delimiter);
        Assert.Equal(',', new CsvRecordReader(new StringReader("a,b;c\n")).Delimiter);
    }

    [Fact]
    public void Records_longer_than_the_buffer_are_read_whole()
    {
        var big = new string('x', 200_000);
        var rows = ReadAll($"\"{big}\",{big}\nz\n");
        Assert.Equal(big, rows[0][0]);
        Assert.Equal(big, rows[0][1]);
        Assert.Equal(["z"], rows[1]);
    }

    [Fact]
    public void Open_quote_is_a_format_error_naming_the_row()
    {
        var ex = Assert.Throws<SurveyFileFormatException>(() => ReadAll("a,b\nc,\"d\n"));
        Assert.Equal(2, ex.Row);
    }

    [Fact]
    public async Task Open_quote_makes_the_import_invalid()
    {
        var file = CsvFile("respondent,unit,Q1\nr1,U1,\"A\n");
        var result = await Import.SurveyImporter.ImportAsync(file, TestQuestionnaire, TestFramework, Wide, new Import.InMemorySurveyAnswerSink());
        Assert.Equal(Import.SurveyImportStatus.Invalid, result.Status);
        Assert.Equal(2, Assert.Single(result.Report.Problems).Row);
    }

    [Fact]
    public void Csv_table_rows_are_numbered_like_a_spreadsheet()
    {
        using var table = new CsvResponseTable(new MemoryStream(Encoding.UTF8.GetBytes("\uFEFFid,Q1\n1,A\n2,B\n")));
        Assert.Equal(["id", "Q1"], table.Header);
        Assert.True(table.ReadRow());
        Assert.Equal(2, table.RowNumber);
        Assert.True(table.ReadRow());
        Assert.Equal("B", table.Cell(1).ToString());
        Assert.Equal("", table.Cell(5).ToString());
        Assert.False(table.ReadRow());
    }

    [Fact]
    public void Xlsx_numbers_come_back_as_the_text_people_see()
    {
        var file = XlsxFile([["id", "Q2", "w"], ["1001", "4", "1.5"], ["1002", "", "2"]]);
        using var table = file.OpenTable();
        Assert.Equal(["id", "Q2", "w"], table.Header);
        Assert.True(table.ReadRow());
        Assert.Equal(("1001", "4", "1.5"), (table.Cell(0).ToString(), table.Cell(1).ToString(), table.Cell(2).ToString()));
        Assert.True(table.ReadRow());
        Assert.Equal(3, table.RowNumber);
        Assert.Equal("", table.Cell(1).ToString());
        Assert.False(table.ReadRow());
    }

    [Fact]
    public void A_broken_xlsx_is_a_format_error()
    {
        var file = ResponseFile.FromBytes("hong.xlsx", [(byte)'P', (byte)'K', 1, 2, 3]);
        Assert.Throws<SurveyFileFormatException>(() => file.OpenTable().Dispose());
    }

    [Fact]
    public async Task Extra_cells_and_missing_columns_are_reported()
    {
        var result = await Import.SurveyImporter.ImportAsync(CsvFile("respondent,unit,Q1\nr1,U1,A,B\n"), TestQuestionnaire, TestFramework, Wide, new Import.InMemorySurveyAnswerSink());
        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal((2, 4), (problem.Row, problem.Column));

        var missing = await Import.SurveyImporter.ImportAsync(CsvFile("ma,unit,Q1\nr1,U1,A\n"), TestQuestionnaire, TestFramework, Wide, new Import.InMemorySurveyAnswerSink());
        Assert.Equal(1, Assert.Single(missing.Report.Problems).Row);
    }

    [Fact]
    public async Task Kobo_group_paths_and_explicit_mappings_find_the_questions()
    {
        var csv = "_uuid,unit,grp/Q1,Cau 2,submitdate\nu1,U1,A,5,2023-10-01\n";
        var mapping = Wide with { QuestionColumns = new Dictionary<string, string> { ["Cau 2"] = "Q2" } };
        var result = await Import.SurveyImporter.ImportAsync(CsvFile(csv), TestQuestionnaire, TestFramework, mapping, new Import.InMemorySurveyAnswerSink());
        Assert.True(result.Report.IsValid);
        Assert.Equal(2, result.AnswersWritten);
        Assert.Equal(["Q3"], result.Report.UnmatchedQuestions);
    }

    [Fact]
    public async Task A_csv_in_a_legacy_code_page_is_refused_rather_than_garbled()
    {
        // "Đơn vị" units written in Windows-1258-like single bytes (0xD0 is not valid UTF-8 on its own).
        var bytes = Encoding.ASCII.GetBytes("respondent,unit,Q1\nr1,X,A\n").ToList();
        bytes.Insert(bytes.IndexOf((byte)'X'), 0xD0);
        var file = ResponseFile.FromBytes("ansi.csv", [.. bytes]);
        var result = await Import.SurveyImporter.ImportAsync(file, TestQuestionnaire, TestFramework, Wide, new Import.InMemorySurveyAnswerSink());
        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal((2, "unit"), (problem.Row, problem.ColumnName!));
        Assert.Contains("UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_shape_refuses_a_respondent_in_two_units()
    {
        var csv = "respondent,unit,question,answer\nr1,U1,Q1,A\nr1,U2,Q2,5\n";
        var result = await Import.SurveyImporter.ImportAsync(CsvFile(csv), TestQuestionnaire, TestFramework, Long, new Import.InMemorySurveyAnswerSink());
        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal((3, "unit"), (problem.Row, problem.ColumnName!));
        Assert.Contains("đã thuộc đơn vị U1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_shape_refuses_a_repeated_answer_and_an_unknown_question()
    {
        var csv = "respondent,unit,question,answer\nr1,U1,Q1,A\nr1,U1,q1,B\nr1,U1,Q9,A\n";
        var result = await Import.SurveyImporter.ImportAsync(CsvFile(csv), TestQuestionnaire, TestFramework, Long, new Import.InMemorySurveyAnswerSink());
        Assert.Equal([(3, "question"), (4, "question")], result.Report.Problems.Select(p => (p.Row, p.ColumnName!)));
    }
}
