using System.CommandLine;
using System.Globalization;
using System.Text;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Demo;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;

namespace ParIndex.Cli.Surveys;

/// <summary>
/// <c>parindex survey …</c>: check and score survey response files without a database.
/// <c>validate</c> and <c>score</c> exit 0 when the file is valid, 1 when it has problems (listed
/// by row and column), 2 when an input cannot be read. <c>import</c> writes a file into a
/// campaign's database (<see cref="SurveyImportCommand"/>).
/// </summary>
public static class SurveyCommand
{
    public const int Valid = 0;
    public const int HasProblems = 1;
    public const int Unreadable = 2;

    public static Command Create()
    {
        var command = new Command("survey", "Điều tra xã hội học (SIPAS): kiểm tra, chấm điểm tệp kết quả khảo sát, cỡ mẫu, dữ liệu mẫu");
        command.Add(FileCommand("validate", "Kiểm tra tệp kết quả khảo sát theo phiếu khảo sát; liệt kê mọi lỗi theo dòng và cột", score: false));
        command.Add(FileCommand("score", "Kiểm tra rồi chấm điểm: điểm điều tra theo đơn vị và tiêu chí (kèm diễn giải) và chỉ số hài lòng SIPAS", score: true));
        command.Add(SurveyImportCommand.Create());
        command.Add(SampleSizeCommand());
        command.Add(DemoCommand());
        return command;
    }

    private static Command FileCommand(string name, string description, bool score)
    {
        var options = new SurveyInputOptions();
        var command = new Command(name, description);
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var input = options.Load(parse, stderr);
            return input is null ? Unreadable : Run(input, score, stdout, stderr);
        });
        return command;
    }

    internal static int Run(SurveyInput input, bool score, TextWriter stdout, TextWriter stderr)
    {
        SurveyValidationReport report;
        SurveyScoreResult scores;
        try
        {
            (report, scores) = SurveyImporter.ValidateAndScore(input.File, input.Questionnaire, input.Mapping, new SurveyScorer(input.Framework));
        }
        catch (SurveyFileFormatException ex)
        {
            stderr.WriteLine($"Lỗi: không đọc được tệp '{input.Path}'. {ex.Message}");
            return Unreadable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Lỗi: không mở được tệp '{input.Path}': {ex.Message}");
            return Unreadable;
        }

        var shown = score && report.IsValid ? scores : null;
        if (input.Json)
        {
            SurveyJsonWriter.Write(input, report, shown, stdout);
        }
        else
        {
            SurveyTextWriter.Write(input, report, shown, stdout);
        }

        return report.IsValid ? Valid : HasProblems;
    }

    private static Command SampleSizeCommand()
    {
        var population = new Option<long>("--population", "-N") { Description = "Số hồ sơ (giao dịch) của đơn vị trong kỳ", Required = true };
        var margin = new Option<string>("--margin", "-e") { Description = "Sai số cho phép, ví dụ 0,05", DefaultValueFactory = _ => "0,05" };
        var command = new Command("sample-size", "Cỡ mẫu tối thiểu n = N / (1 + N·e²), làm tròn lên") { population, margin };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var text = parse.GetValue(margin);
            var n = parse.GetValue(population);
            if (!VietnameseNumbers.TryParse(text, out var e) || e <= 0 || e >= 1 || n < 0)
            {
                stderr.WriteLine($"Lỗi: cần N ≥ 0 và sai số e trong khoảng (0; 1), đã nhập N = {n}, e = '{text}'.");
                return Unreadable;
            }

            stdout.WriteLine($"N = {VietnameseNumbers.FormatPoints(n)}; e = {VietnameseNumbers.FormatPoints(e)} → n = {SampleSize.Required(n, e)}");
            return Valid;
        });
        return command;
    }

    private static Command DemoCommand()
    {
        var output = new Option<string>("--out", "-o") { Description = "Thư mục ghi phieu-khao-sat.json và ket-qua-khao-sat.csv", Required = true };
        var units = new Option<string>("--units") { Description = "Mã các đơn vị, phân cách bằng dấu phẩy", DefaultValueFactory = _ => "DV01,DV02,DV03,DV04,DV05" };
        var respondents = new Option<int>("--respondents") { Description = "Số người trả lời mỗi đơn vị", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Hạt giống ngẫu nhiên (cùng hạt giống → cùng tệp)", DefaultValueFactory = _ => 2023 };
        var framework = new Option<string>("--framework", "-f") { Description = "Mã bộ tiêu chí dựng sẵn", DefaultValueFactory = _ => BuiltInFrameworks.Province2023Id };
        var command = new Command("demo", "Sinh phiếu khảo sát mẫu và tệp kết quả mẫu (CSV dạng wide) cho các tiêu chí điều tra của bộ tiêu chí") { output, units, respondents, seed, framework };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var found = BuiltInFrameworks.Find(parse.GetValue(framework)!);
            if (found is null)
            {
                stderr.WriteLine($"Lỗi: không có bộ tiêu chí dựng sẵn '{parse.GetValue(framework)}' (có: {string.Join(", ", BuiltInFrameworks.Ids)}).");
                return Unreadable;
            }

            var unitList = parse.GetValue(units)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var count = parse.GetValue(respondents);
            if (unitList.Length == 0 || count < 1)
            {
                stderr.WriteLine("Lỗi: cần ít nhất một đơn vị và ít nhất một người trả lời mỗi đơn vị.");
                return Unreadable;
            }

            var directory = parse.GetValue(output)!;
            Directory.CreateDirectory(directory);
            var questionnaire = DemoSurvey.Questionnaire(found);
            var questionnairePath = Path.Combine(directory, "phieu-khao-sat.json");
            var responsesPath = Path.Combine(directory, "ket-qua-khao-sat.csv");
            File.WriteAllText(questionnairePath, QuestionnaireFile.ToJson(questionnaire), new UTF8Encoding(false));
            DemoSurveyLabels labels;
            using (var writer = new StreamWriter(responsesPath, false, new UTF8Encoding(false)))
            {
                labels = DemoSurveyGenerator.WriteWideCsv(writer, questionnaire, unitList, count, parse.GetValue(seed));
            }

            stdout.WriteLine($"Đã ghi {questionnairePath} ({questionnaire.Questions.Count} câu hỏi) và {responsesPath} ({labels.Respondents} người trả lời).");
            foreach (var (unit, quality) in labels.UnitQuality)
            {
                stdout.WriteLine($"  {unit}: mức chất lượng sinh dữ liệu {quality.ToString("0.00", VietnameseNumbers.Culture)}");
            }

            return Valid;
        });
        return command;
    }

    internal static string Format(decimal? value) => value is { } v ? VietnameseNumbers.FormatPoints(v) : "—";

    internal static string Percent(decimal? share) => share is { } s ? VietnameseNumbers.FormatPercent(s * 100m) : "—";

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
