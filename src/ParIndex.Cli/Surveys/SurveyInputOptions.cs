using System.CommandLine;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Responses;

namespace ParIndex.Cli.Surveys;

/// <summary>The options shared by <c>survey validate</c> and <c>survey score</c>: the questionnaire, the framework, the file and its column mapping.</summary>
internal sealed class SurveyInputOptions
{
    public Argument<string> File { get; } = new("RESPONSES") { Description = "Tệp kết quả khảo sát (.csv hoặc .xlsx)" };

    public Option<string> Questionnaire { get; } = new("--questionnaire", "-q") { Description = "Tệp phiếu khảo sát (JSON parindex-questionnaire/1)", Required = true };

    public Option<string?> Framework { get; } = new("--framework", "-f") { Description = "Tệp bộ tiêu chí hoặc mã bộ dựng sẵn; mặc định là bộ mà phiếu khảo sát ghi" };

    public Option<string> Shape { get; } = new("--shape") { Description = "wide: mỗi dòng một người trả lời; long: mỗi dòng một câu trả lời", DefaultValueFactory = _ => "wide" };

    public Option<string?> Unit { get; } = new("--unit") { Description = "Mã đơn vị chung cho mọi người trả lời" };

    public Option<string?> UnitColumn { get; } = new("--unit-column") { Description = "Cột chứa mã đơn vị (mặc định: unit, don_vi, ma_don_vi)" };

    public Option<string?> RespondentColumn { get; } = new("--respondent-column") { Description = "Cột mã người trả lời (mặc định: respondent, ma_phieu, id, _uuid, _id)" };

    public Option<string?> WeightColumn { get; } = new("--weight-column") { Description = "Cột trọng số của người trả lời (để trống = 1)" };

    public Option<string> QuestionColumn { get; } = new("--question-column") { Description = "Dạng long: cột mã câu hỏi", DefaultValueFactory = _ => "question" };

    public Option<string> AnswerColumn { get; } = new("--answer-column") { Description = "Dạng long: cột câu trả lời", DefaultValueFactory = _ => "answer" };

    public Option<string[]> Map { get; } = new("--map") { Description = "Dạng wide: ánh xạ TIÊU_ĐỀ_CỘT=MÃ_CÂU (lặp lại được)", AllowMultipleArgumentsPerToken = false };

    public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "CSV: ký tự phân cách (, ; hoặc tab); mặc định tự nhận" };

    public Option<string?> Sheet { get; } = new("--sheet") { Description = "XLSX: tên trang tính; mặc định trang đầu" };

    public Option<bool> Json { get; } = new("--json") { Description = "In kết quả dạng JSON" };

    public Option<string[]> Population { get; } = new("--population") { Description = "Số hồ sơ của đơn vị để tính cỡ mẫu và tiến độ: MÃ_ĐƠN_VỊ=N (lặp lại được)" };

    public Option<string> Margin { get; } = new("--margin") { Description = "Sai số cho cỡ mẫu, ví dụ 0,05", DefaultValueFactory = _ => "0,05" };

    public void AddTo(Command command)
    {
        command.Add(File);
        foreach (var option in new Option[] { Questionnaire, Framework, Shape, Unit, UnitColumn, RespondentColumn, WeightColumn, QuestionColumn, AnswerColumn, Map, Delimiter, Sheet, Json, Population, Margin })
        {
            command.Add(option);
        }
    }

    /// <summary>Only the options that say how to read a response file (for <c>survey import</c>, whose questionnaire is stored).</summary>
    public void AddReadingOptionsTo(Command command)
    {
        command.Add(File);
        foreach (var option in new Option[] { Shape, Unit, UnitColumn, RespondentColumn, WeightColumn, QuestionColumn, AnswerColumn, Map, Delimiter, Sheet, Json })
        {
            command.Add(option);
        }
    }

    /// <summary>Loads everything the command needs, or writes why not to stderr and returns null (exit 2).</summary>
    public SurveyInput? Load(ParseResult parse, TextWriter stderr)
    {
        var questionnairePath = parse.GetValue(Questionnaire)!;
        Questionnaire questionnaire;
        try
        {
            using var stream = System.IO.File.OpenRead(questionnairePath);
            questionnaire = QuestionnaireFile.Read(stream);
        }
        catch (QuestionnaireFormatException ex)
        {
            stderr.WriteLine($"Lỗi: phiếu khảo sát '{questionnairePath}' không đọc được. {ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Lỗi: không mở được phiếu khảo sát '{questionnairePath}': {ex.Message}");
            return null;
        }

        var framework = LoadFramework(parse.GetValue(Framework) ?? questionnaire.FrameworkId, stderr);
        if (framework is null)
        {
            return null;
        }

        var problems = QuestionnaireValidator.Validate(questionnaire, framework);
        if (problems.Count > 0)
        {
            stderr.WriteLine($"Lỗi: phiếu khảo sát '{questionnairePath}' không hợp lệ với bộ tiêu chí {framework.Id}:");
            foreach (var problem in problems)
            {
                stderr.WriteLine($"  {problem}");
            }

            return null;
        }

        var mapping = Mapping(parse, stderr);
        if (mapping is null)
        {
            return null;
        }

        var path = parse.GetValue(File)!;
        if (!System.IO.File.Exists(path))
        {
            stderr.WriteLine($"Lỗi: không tìm thấy tệp '{path}' (file not found).");
            return null;
        }

        if (!TryDelimiter(parse.GetValue(Delimiter), out var delimiter))
        {
            stderr.WriteLine("Lỗi: --delimiter phải là một ký tự (, ; hoặc tab).");
            return null;
        }

        var file = ResponseFile.FromPath(path);
        file = new ResponseFile(file.Name, file.Format, file.Open) { Delimiter = delimiter, SheetName = parse.GetValue(Sheet) };
        var quotas = Quotas(parse, questionnaire.RespondentGroup, stderr);
        return quotas is null ? null : new SurveyInput(path, file, questionnaire, framework, mapping, parse.GetValue(Json), quotas);
    }

    private List<QuotaTarget>? Quotas(ParseResult parse, string group, TextWriter stderr)
    {
        var marginText = parse.GetValue(Margin);
        if (!VietnameseNumbers.TryParse(marginText, out var margin) || margin <= 0 || margin >= 1)
        {
            stderr.WriteLine($"Lỗi: --margin phải là một số trong khoảng (0; 1), ví dụ 0,05, không phải '{marginText}'.");
            return null;
        }

        var targets = new List<QuotaTarget>();
        foreach (var entry in parse.GetValue(Population) ?? [])
        {
            var equals = entry.LastIndexOf('=');
            if (equals <= 0 || !long.TryParse(entry[(equals + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                stderr.WriteLine($"Lỗi: --population cần dạng MÃ_ĐƠN_VỊ=N (N là số nguyên), không phải '{entry}'.");
                return null;
            }

            targets.Add(new QuotaTarget(entry[..equals], group, n, margin));
        }

        return targets;
    }

    internal static bool TryDelimiter(string? text, out char? delimiter)
    {
        delimiter = text switch
        {
            null or "" => null,
            "tab" or "\\t" or "\t" => '\t',
            { Length: 1 } => text[0],
            _ => '\0',
        };
        return delimiter != '\0';
    }

    private static Framework? LoadFramework(string reference, TextWriter stderr)
    {
        if (System.IO.File.Exists(reference))
        {
            try
            {
                using var stream = System.IO.File.OpenRead(reference);
                return FrameworkFile.Read(stream);
            }
            catch (FrameworkFormatException ex)
            {
                stderr.WriteLine($"Lỗi: bộ tiêu chí '{reference}' không đọc được. {ex.Message}");
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"Lỗi: không mở được bộ tiêu chí '{reference}': {ex.Message}");
                return null;
            }
        }

        var builtIn = BuiltInFrameworks.Find(reference);
        if (builtIn is null)
        {
            stderr.WriteLine($"Lỗi: không có tệp bộ tiêu chí '{reference}' và cũng không có bộ dựng sẵn mang mã này (các bộ dựng sẵn: {string.Join(", ", BuiltInFrameworks.Ids)}).");
        }

        return builtIn;
    }

    internal SurveyColumnMapping? Mapping(ParseResult parse, TextWriter stderr)
    {
        var shape = parse.GetValue(Shape)?.ToUpperInvariant() switch
        {
            "WIDE" => ResponseShape.Wide,
            "LONG" => ResponseShape.Long,
            _ => (ResponseShape?)null,
        };
        if (shape is null)
        {
            stderr.WriteLine($"Lỗi: --shape phải là wide hoặc long, không phải '{parse.GetValue(Shape)}'.");
            return null;
        }

        var unit = parse.GetValue(Unit);
        var unitColumn = parse.GetValue(UnitColumn);
        if (unit is not null && unitColumn is not null)
        {
            stderr.WriteLine("Lỗi: chỉ dùng một trong hai: --unit hoặc --unit-column.");
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in parse.GetValue(Map) ?? [])
        {
            var equals = entry.LastIndexOf('=');
            if (equals <= 0 || equals == entry.Length - 1)
            {
                stderr.WriteLine($"Lỗi: --map cần dạng TIÊU_ĐỀ_CỘT=MÃ_CÂU, không phải '{entry}'.");
                return null;
            }

            map[entry[..equals]] = entry[(equals + 1)..];
        }

        return new SurveyColumnMapping
        {
            Shape = shape.Value,
            FixedUnit = unit,
            UnitColumn = unitColumn,
            RespondentColumn = parse.GetValue(RespondentColumn),
            WeightColumn = parse.GetValue(WeightColumn),
            QuestionColumn = parse.GetValue(QuestionColumn) ?? "question",
            AnswerColumn = parse.GetValue(AnswerColumn) ?? "answer",
            QuestionColumns = map,
        };
    }
}

/// <summary>Everything loaded for a survey command.</summary>
internal sealed record SurveyInput(string Path, ResponseFile File, Questionnaire Questionnaire, Framework Framework, SurveyColumnMapping Mapping, bool Json, IReadOnlyList<QuotaTarget> Quotas)
{
    /// <summary>Progress of each quota against the respondents of a valid file.</summary>
    public IReadOnlyList<QuotaProgress> Progress(SurveyValidationReport report) =>
        QuotaProgress.For(Quotas, report.RespondentsPerUnit.ToDictionary(kv => (kv.Key, Questionnaire.RespondentGroup), kv => kv.Value));
}
