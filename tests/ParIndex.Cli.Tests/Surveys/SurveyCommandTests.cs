using System.Text.Json;

namespace ParIndex.Cli.Tests.Surveys;

public sealed class SurveyCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("parindex-survey-").FullName;

    private string Questionnaire => Path.Combine(directory, "phieu-khao-sat.json");

    private string Responses => Path.Combine(directory, "ket-qua-khao-sat.csv");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private void Demo() =>
        Assert.Equal(0, Run("survey", "demo", "--out", directory, "--units", "BG,BN", "--respondents", "30", "--seed", "5").Code);

    [Fact]
    public void Demo_files_validate_and_score_with_points_memo_and_sipas()
    {
        Demo();
        var validate = Run("survey", "validate", "--questionnaire", Questionnaire, Responses);
        Assert.Equal(0, validate.Code);
        Assert.Contains("Hợp lệ: 60 dòng dữ liệu, 60 người trả lời", validate.Out, StringComparison.Ordinal);

        var score = Run("survey", "score", "-q", Questionnaire, "--framework", "par-index-province-2023", Responses);
        Assert.Equal(0, score.Code);
        Assert.Contains("Đơn vị BG — 30 người trả lời — điểm điều tra", score.Out, StringComparison.Ordinal);
        Assert.Contains("Số câu trả lời hợp lệ = ", score.Out, StringComparison.Ordinal);
        Assert.Contains("SIPAS (tỷ lệ hài lòng mức 4–5)", score.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_score_lists_every_unit_and_survey_leaf()
    {
        Demo();
        var (code, output, _) = Run("survey", "score", "-q", Questionnaire, Responses, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        // 27 survey leaves of the 2023 provincial framework × 2 units.
        Assert.Equal(54, root.GetProperty("leaves").GetArrayLength());
        Assert.Equal(10, root.GetProperty("sipas").GetArrayLength());
        foreach (var unit in root.GetProperty("units").EnumerateArray())
        {
            Assert.InRange(unit.GetProperty("surveyPoints").GetDecimal(), 0m, 32m);
        }
    }

    [Fact]
    public void A_bad_cell_exits_1_naming_row_and_column()
    {
        Demo();
        var lines = File.ReadAllLines(Responses);
        var cells = lines[3].Split(',');
        cells[2] = "Z";
        lines[3] = string.Join(',', cells);
        File.WriteAllLines(Responses, lines);

        var (code, output, _) = Run("survey", "score", "-q", Questionnaire, Responses);
        Assert.Equal(1, code);
        Assert.Contains("Dòng 4, cột C (Q2_4_1): Câu Q2_4_1: phương án \"Z\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Đơn vị BG", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_shape_with_a_fixed_unit_is_read()
    {
        Demo();
        var path = Path.Combine(directory, "long.csv");
        File.WriteAllText(path, "ma_phieu;cau;tra_loi\n1;Q8_1_1;5\n1;Q8_1_2;4\n2;Q8_1_1;2\n");
        var (code, output, _) = Run("survey", "score", "-q", Questionnaire, path, "--shape", "long", "--unit", "BG",
            "--respondent-column", "ma_phieu", "--question-column", "cau", "--answer-column", "tra_loi");
        Assert.Equal(0, code);
        // 8.1.1: (1 + 0,25) / 2 = 0,625 × 1,5 = 0,9375; SIPAS 8.1.1 = 1 of 2.
        Assert.Contains("8.1.1     0,9375 / 1,5", output, StringComparison.Ordinal);
        Assert.Contains("50,00%  (1/2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_inputs_exit_2()
    {
        Demo();
        Assert.Equal(2, Run("survey", "validate", "-q", Questionnaire, Path.Combine(directory, "khong-co.csv")).Code);
        Assert.Equal(2, Run("survey", "validate", "-q", Path.Combine(directory, "khong-co.json"), Responses).Code);
        File.WriteAllText(Path.Combine(directory, "hong.xlsx"), "PK not a workbook");
        var broken = Run("survey", "validate", "-q", Questionnaire, Path.Combine(directory, "hong.xlsx"));
        Assert.Equal(2, broken.Code);
        Assert.Contains("Tệp Excel không đọc được", broken.Err, StringComparison.Ordinal);
        var json = File.ReadAllText(Questionnaire).Replace("\"leaf\": \"2.4.1\"", "\"leaf\": \"1.1\"", StringComparison.Ordinal);
        File.WriteAllText(Questionnaire, json);
        var invalid = Run("survey", "validate", "-q", Questionnaire, Responses);
        Assert.Equal(2, invalid.Code);
        Assert.Contains("không phải tiêu chí đánh giá qua điều tra xã hội học", invalid.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_exits_2_with_the_message()
    {
        Demo();
        var bomb = Path.Combine(directory, "bom.xlsx");
        File.WriteAllBytes(bomb, ParIndex.Tests.Shared.ZipBombs.XlsxWithHugeSheet(1L << 30));
        var (code, _, error) = Run("survey", "validate", "-q", Questionnaire, bomb);
        Assert.Equal(2, code);
        Assert.Contains("Tệp nén giải nén ra hơn 256 MB", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Quota_progress_per_unit_from_population_and_margin()
    {
        Demo();
        // BG: N = 1 000, e = 0,1 → 1 000 / 11 = 90,9 → 91 required, 30 collected (32,97%), 61 missing.
        var (code, output, _) = Run("survey", "validate", "-q", Questionnaire, Responses, "--population", "BG=1000", "--population", "BN=20", "--margin", "0,1");
        Assert.Equal(0, code);
        Assert.Contains("Tiến độ mẫu BG (tong-hop): 30/91 (32,97%) — còn thiếu 61", output, StringComparison.Ordinal);
        // BN: 20 / 1,2 = 16,7 → 17 required, 30 collected.
        Assert.Contains("Tiến độ mẫu BN (tong-hop): 30/17 (176,47%) — đủ mẫu", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_size_prints_yamane()
    {
        var (code, output, _) = Run("survey", "sample-size", "-N", "10000", "-e", "0,05");
        Assert.Equal(0, code);
        Assert.Contains("n = 385", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
