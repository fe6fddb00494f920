using ParIndex.Core.Numbers;
using ParIndex.Core.Surveys;

namespace ParIndex.Surveys.Responses;

/// <summary>
/// Reads the rows of a response table against a questionnaire and a column mapping, one row at a
/// time: every problem goes to the collector with its row and column, valid rows yield
/// <see cref="SurveyAnswer"/>s (and feed a <see cref="SurveyScorer"/> when given). A row with any
/// problem yields nothing. Memory stays flat except for a 64-bit fingerprint per respondent (per
/// respondent × question in the long shape, plus each respondent's unit), kept to catch duplicates
/// and a respondent filed under two units; <c>checkDuplicates: false</c> drops them on a second pass.
/// <para>Blank answer cells are "no answer" and are skipped; an answer key that is not on the
/// question's scale is a problem; "không biết" keys are accepted and scored as not valid.</para>
/// </summary>
public sealed class SurveyResponseReader
{
    /// <summary>What a UTF-8 decoder puts where the bytes were not UTF-8 (a CSV saved in a legacy code page).</summary>
    private const char Utf8Replacement = '\uFFFD';

    private const string NotUtf8 = "Ô chứa ký tự không đọc được: tệp không ở mã UTF-8; hãy lưu lại dạng \"CSV UTF-8\".";

    private readonly IResponseTable table;
    private readonly Questionnaire questionnaire;
    private readonly SurveyColumnMapping mapping;
    private readonly SurveyProblemCollector problems;
    private readonly SurveyScorer? scorer;
    private readonly Dictionary<string, string> units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> unitLookup;
    private readonly Dictionary<string, int> respondentsPerUnit = new(StringComparer.Ordinal);
    private readonly HashSet<ulong> respondents = [];
    private readonly HashSet<(ulong Respondent, int Question)> answered = [];
    private readonly Dictionary<ulong, string> unitOfRespondent = [];
    private readonly List<(SurveyQuestion Question, AnswerOption Option)> rowAnswers = [];
    private readonly bool[] questionSeen;
    private readonly int respondentColumn = -1;
    private readonly int unitColumn = -1;
    private readonly int weightColumn = -1;
    private readonly int questionColumn = -1;
    private readonly int answerColumn = -1;
    private readonly (int Column, SurveyQuestion Question)[] questionColumns = [];
    private readonly bool headerOk;
    private readonly bool checkDuplicates;
    private int dataRows;
    private long answers;

    /// <param name="checkDuplicates">False skips the duplicate-respondent check (and its memory) on a pass over a file already validated.</param>
    public SurveyResponseReader(IResponseTable table, Questionnaire questionnaire, SurveyColumnMapping mapping, SurveyProblemCollector problems,
        SurveyScorer? scorer = null, bool checkDuplicates = true)
    {
        this.checkDuplicates = checkDuplicates;
        this.table = table ?? throw new ArgumentNullException(nameof(table));
        this.questionnaire = questionnaire ?? throw new ArgumentNullException(nameof(questionnaire));
        this.mapping = mapping ?? throw new ArgumentNullException(nameof(mapping));
        this.problems = problems ?? throw new ArgumentNullException(nameof(problems));
        this.scorer = scorer;
        unitLookup = units.GetAlternateLookup<ReadOnlySpan<char>>();
        questionSeen = new bool[questionnaire.Questions.Count];
        var before = problems.Total;
        var header = table.Header;
        if (header.Count == 0)
        {
            problems.Add(1, 0, null, "Tệp trống: không có dòng tiêu đề.");
            return;
        }

        var used = new HashSet<int>();
        respondentColumn = Column(mapping.RespondentColumn, SurveyColumnMapping.RespondentCandidates, "mã người trả lời", required: true, used);
        if (mapping.FixedUnit is null)
        {
            unitColumn = Column(mapping.UnitColumn, SurveyColumnMapping.UnitCandidates, "đơn vị", required: true, used);
        }
        else if (mapping.UnitColumn is not null)
        {
            problems.Add(1, 0, null, "Chỉ chọn một trong hai: cột đơn vị hoặc một đơn vị cố định.");
        }
        else if (mapping.KnownUnits is { } known && !known.Contains(mapping.FixedUnit))
        {
            problems.Add(1, 0, null, $"Đơn vị \"{mapping.FixedUnit}\" không có trong danh sách đơn vị.");
        }

        if (mapping.WeightColumn is not null)
        {
            weightColumn = Column(mapping.WeightColumn, [], "trọng số", required: true, used);
        }

        if (mapping.Shape == ResponseShape.Long)
        {
            questionColumn = Column(mapping.QuestionColumn, [], "câu hỏi", required: true, used);
            answerColumn = Column(mapping.AnswerColumn, [], "câu trả lời", required: true, used);
        }
        else
        {
            questionColumns = MatchQuestionColumns(header, used);
        }

        headerOk = problems.Total == before;
    }

    /// <summary>Reads the next data row; false at the end of the file (or when the header is unusable).</summary>
    /// <param name="output">Receives the row's answers when the row is valid; null to validate only.</param>
    public bool ReadRow(List<SurveyAnswer>? output)
    {
        if (!headerOk)
        {
            return false;
        }

        while (true)
        {
            bool more;
            try
            {
                more = table.ReadRow();
            }
            catch (SurveyFileFormatException ex)
            {
                problems.Add(ex.Row, 0, null, ex.Message);
                return false;
            }

            if (!more)
            {
                return false;
            }

            if (!IsBlankRow())
            {
                break;
            }
        }

        dataRows++;
        var before = problems.Total;
        var row = table.RowNumber;
        rowAnswers.Clear();
        CheckExtraCells(row);

        var respondentCell = table.Cell(respondentColumn).Trim();
        if (respondentCell.IsEmpty)
        {
            Problem(row, respondentColumn, "Thiếu mã người trả lời.");
        }
        else if (respondentCell.Contains(Utf8Replacement))
        {
            Problem(row, respondentColumn, NotUtf8);
        }

        var unit = ReadUnit(row);
        var weight = ReadWeight(row);
        var fingerprint = Fingerprint(respondentCell);
        if (mapping.Shape == ResponseShape.Wide)
        {
            if (checkDuplicates && !respondentCell.IsEmpty && !respondents.Add(fingerprint))
            {
                Problem(row, respondentColumn, $"Mã người trả lời \"{respondentCell}\" đã xuất hiện ở một dòng trước.");
            }

            foreach (var (column, question) in questionColumns)
            {
                ReadAnswer(row, column, question);
            }
        }
        else
        {
            ReadLongAnswer(row, respondentCell, fingerprint);
            CheckSameUnit(row, respondentCell, fingerprint, unit);
        }

        if (problems.Total != before)
        {
            return true;
        }

        answers += rowAnswers.Count;
        if (mapping.Shape == ResponseShape.Wide || respondents.Add(fingerprint))
        {
            CountRespondent(unit!);
        }

        var respondentId = output is null ? "" : respondentCell.ToString();
        foreach (var (question, option) in rowAnswers)
        {
            scorer?.Add(unit!, question, option, weight ?? 1m);
            output?.Add(new SurveyAnswer(unit!, respondentId, question.Code, option.Key, weight));
        }

        return true;
    }

    /// <summary>Reads to the end; the report of the whole file.</summary>
    public SurveyValidationReport ReadToEnd()
    {
        while (ReadRow(null))
        {
        }

        return Report();
    }

    public SurveyValidationReport Report()
    {
        var unmatched = questionnaire.Questions.Where((q, i) => !questionSeen[i]).Select(q => q.Code).ToList();
        return new SurveyValidationReport(problems.Kept.ToList(), problems.Total, dataRows, respondentsPerUnit.Values.Sum(), answers,
            new Dictionary<string, int>(respondentsPerUnit, StringComparer.Ordinal), unmatched);
    }

    private void ReadAnswer(int row, int column, SurveyQuestion question)
    {
        var cell = table.Cell(column).Trim();
        if (cell.IsEmpty)
        {
            return;
        }

        var option = question.Scale.Find(cell);
        if (option is null)
        {
            Problem(row, column, $"Câu {question.Code}: phương án \"{cell}\" không có trong thang trả lời ({string.Join(", ", question.Scale.Options.Select(o => o.Key))}).");
            return;
        }

        rowAnswers.Add((question, option));
    }

    private void ReadLongAnswer(int row, ReadOnlySpan<char> respondentCell, ulong fingerprint)
    {
        var code = table.Cell(questionColumn).Trim();
        if (code.IsEmpty)
        {
            Problem(row, questionColumn, "Thiếu mã câu hỏi.");
            return;
        }

        var index = FindQuestion(code);
        if (index < 0)
        {
            Problem(row, questionColumn, $"Câu hỏi \"{code}\" không có trong phiếu {questionnaire.Id}.");
            return;
        }

        var question = questionnaire.Questions[index];
        questionSeen[index] = true;
        if (checkDuplicates && !respondentCell.IsEmpty && !answered.Add((fingerprint, index)))
        {
            Problem(row, questionColumn, $"Người trả lời \"{respondentCell}\" đã có câu trả lời cho câu {question.Code} ở một dòng trước.");
            return;
        }

        ReadAnswer(row, answerColumn, question);
    }

    /// <summary>Long shape: a respondent's rows must name one unit, or their answers would score two units.</summary>
    private void CheckSameUnit(int row, ReadOnlySpan<char> respondentCell, ulong fingerprint, string? unit)
    {
        if (!checkDuplicates || unit is null || respondentCell.IsEmpty || mapping.FixedUnit is not null)
        {
            return;
        }

        if (!unitOfRespondent.TryGetValue(fingerprint, out var first))
        {
            unitOfRespondent.Add(fingerprint, unit);
        }
        else if (!ReferenceEquals(first, unit))
        {
            Problem(row, unitColumn, $"Người trả lời \"{respondentCell}\" đã thuộc đơn vị {first} ở dòng trước, dòng này ghi đơn vị {unit}.");
        }
    }

    private string? ReadUnit(int row)
    {
        string? unit;
        if (mapping.FixedUnit is { } fixedUnit)
        {
            unit = fixedUnit;
        }
        else
        {
            var cell = table.Cell(unitColumn).Trim();
            if (cell.IsEmpty)
            {
                Problem(row, unitColumn, "Thiếu mã đơn vị.");
                return null;
            }

            if (!unitLookup.TryGetValue(cell, out unit))
            {
                if (cell.Contains(Utf8Replacement))
                {
                    Problem(row, unitColumn, NotUtf8);
                    return null;
                }

                unit = cell.ToString();
                if (mapping.KnownUnits is { } known && !known.Contains(unit))
                {
                    Problem(row, unitColumn, $"Đơn vị \"{unit}\" không có trong danh sách đơn vị.");
                    return null;
                }

                units.Add(unit, unit);
            }
        }

        return unit;
    }

    /// <summary>Counts the respondent once, under the unit of their first valid row.</summary>
    private void CountRespondent(string unit) =>
        respondentsPerUnit[unit] = respondentsPerUnit.GetValueOrDefault(unit) + 1;

    private decimal? ReadWeight(int row)
    {
        if (weightColumn < 0)
        {
            return null;
        }

        var cell = table.Cell(weightColumn).Trim();
        if (cell.IsEmpty)
        {
            return null;
        }

        if (!VietnameseNumbers.TryParse(cell.ToString(), out var weight) || weight <= 0)
        {
            Problem(row, weightColumn, $"Trọng số \"{cell}\" phải là một số lớn hơn 0.");
            return null;
        }

        return weight;
    }

    private bool IsBlankRow()
    {
        for (var i = 0; i < table.CellCount; i++)
        {
            if (!table.Cell(i).IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cells right of the header usually mean an unquoted delimiter shifted the row: refuse rather than misread.</summary>
    private void CheckExtraCells(int row)
    {
        for (var i = table.Header.Count; i < table.CellCount; i++)
        {
            if (!table.Cell(i).IsWhiteSpace())
            {
                problems.Add(row, i + 1, null, $"Dòng có {table.CellCount} ô, nhiều hơn {table.Header.Count} cột của dòng tiêu đề (có dấu phân cách thừa trong một ô không đặt trong dấu nháy?).");
                return;
            }
        }
    }

    private void Problem(int row, int column, string message) =>
        problems.Add(row, column + 1, column >= 0 && column < table.Header.Count ? table.Header[column] : null, message);

    private int FindQuestion(ReadOnlySpan<char> code)
    {
        var questions = questionnaire.Questions;
        for (var i = 0; i < questions.Count; i++)
        {
            if (code.Equals(questions[i].Code, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private int Column(string? named, IReadOnlyList<string> candidates, string what, bool required, HashSet<int> used)
    {
        var header = table.Header;
        if (named is not null)
        {
            var index = IndexOf(header, named);
            if (index < 0)
            {
                problems.Add(1, 0, null, $"Không có cột \"{named}\" ({what}) trong dòng tiêu đề.");
            }
            else
            {
                used.Add(index);
            }

            return index;
        }

        foreach (var candidate in candidates)
        {
            var index = IndexOf(header, candidate);
            if (index >= 0)
            {
                used.Add(index);
                return index;
            }
        }

        if (required)
        {
            problems.Add(1, 0, null, candidates.Count > 0
                ? $"Không tìm thấy cột {what}: hãy chỉ rõ tên cột (các tên được tự nhận: {string.Join(", ", candidates)})."
                : $"Không tìm thấy cột {what}.");
        }

        return -1;
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private (int Column, SurveyQuestion Question)[] MatchQuestionColumns(IReadOnlyList<string> header, HashSet<int> used)
    {
        var explicitMap = new Dictionary<string, string>(mapping.QuestionColumns.Select(kv => KeyValuePair.Create(kv.Key.Trim(), kv.Value.Trim())), StringComparer.OrdinalIgnoreCase);
        foreach (var (column, code) in explicitMap)
        {
            if (IndexOf(header, column) < 0)
            {
                problems.Add(1, 0, null, $"Không có cột \"{column}\" (ánh xạ tới câu {code}) trong dòng tiêu đề.");
            }

            if (FindQuestion(code) < 0)
            {
                problems.Add(1, 0, null, $"Ánh xạ cột \"{column}\" tới câu \"{code}\", nhưng phiếu {questionnaire.Id} không có câu này.");
            }
        }

        var matched = new List<(int, SurveyQuestion)>();
        var columnOf = new Dictionary<int, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (used.Contains(i) || header[i].Length == 0)
            {
                continue;
            }

            var name = header[i];
            var code = explicitMap.TryGetValue(name, out var mapped) ? mapped : name;
            var index = FindQuestion(code);
            if (index < 0 && !explicitMap.ContainsKey(name) && name.LastIndexOf('/') is var slash and >= 0)
            {
                index = FindQuestion(name.AsSpan(slash + 1));
            }

            if (index < 0)
            {
                continue;
            }

            if (columnOf.TryGetValue(index, out var first))
            {
                problems.Add(1, i + 1, name, $"Câu {questionnaire.Questions[index].Code} đã có ở cột {SurveyImportProblem.Letter(first + 1)} ({header[first]}).");
                continue;
            }

            columnOf[index] = i;
            questionSeen[index] = true;
            matched.Add((i, questionnaire.Questions[index]));
        }

        if (matched.Count == 0)
        {
            problems.Add(1, 0, null, $"Không có cột nào khớp với mã câu hỏi của phiếu {questionnaire.Id} ({string.Join(", ", questionnaire.Questions.Select(q => q.Code))}); hãy khai báo ánh xạ cột.");
        }

        return [.. matched];
    }

    /// <summary>FNV-1a over the characters: 64 bits make an accidental duplicate vanishingly rare (≈ 3·10⁻⁸ at a million respondents).</summary>
    internal static ulong Fingerprint(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
