using System.Text;
using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Tests.Frameworks;

public class CrosswalkFileTests
{
    private static FrameworkNode Leaf(string code, string title) => new() { Code = code, Title = title, Max = 1m, Rule = ManualRule.Instance };

    private static FrameworkNode Inner(string code, string title, params FrameworkNode[] children) =>
        new() { Code = code, Title = title, Max = children.Sum(c => c.Max), Children = children };

    private static readonly Framework Old = new()
    {
        Id = "old",
        Version = "1",
        Year = 2023,
        Title = "Cũ",
        Nodes = [Inner("1", "A", Leaf("1.1", "B"), Leaf("1.2", "C"), Leaf("1.3", "D")), Leaf("2", "E"), Leaf("3", "F")],
    };

    private static readonly Framework New = new()
    {
        Id = "new",
        Version = "2",
        Year = 2024,
        Title = "Mới",
        Nodes = [Inner("1", "A", Leaf("1.1", "B và C"), Inner("1.2", "D", Leaf("1.2.1", "D1"), Leaf("1.2.2", "D2"))), Leaf("2", "G"), Leaf("3", "E")],
    };

    private static FrameworkCrosswalk Sample() => new()
    {
        FromFrameworkId = "old",
        FromVersion = "1",
        ToFrameworkId = "new",
        ToVersion = "2",
        Entries =
        [
            new(CrosswalkKind.OneToOne, ["1"], ["1"], CrosswalkMatch.Code),
            new(CrosswalkKind.ManyToOne, ["1.1", "1.2"], ["1.1"], CrosswalkMatch.Manual),
            new(CrosswalkKind.OneToMany, ["1.3"], ["1.2.1", "1.2.2"], CrosswalkMatch.Structure),
            new(CrosswalkKind.New, [], ["2"], CrosswalkMatch.None),
            new(CrosswalkKind.OneToOne, ["2"], ["3"], CrosswalkMatch.Title),
            new(CrosswalkKind.Removed, ["3"], [], CrosswalkMatch.None),
        ],
    };

    private const string SampleJson = """
        {
          "format": "parindex-crosswalk/1",
          "from": {
            "id": "old",
            "version": "1"
          },
          "to": {
            "id": "new",
            "version": "2"
          },
          "entries": [
            {
              "kind": "one-to-one",
              "from": [
                "1"
              ],
              "to": [
                "1"
              ],
              "match": "code"
            },
            {
              "kind": "many-to-one",
              "from": [
                "1.1",
                "1.2"
              ],
              "to": [
                "1.1"
              ],
              "match": "manual"
            },
            {
              "kind": "one-to-many",
              "from": [
                "1.3"
              ],
              "to": [
                "1.2.1",
                "1.2.2"
              ],
              "match": "structure"
            },
            {
              "kind": "new",
              "from": [],
              "to": [
                "2"
              ],
              "match": "none"
            },
            {
              "kind": "one-to-one",
              "from": [
                "2"
              ],
              "to": [
                "3"
              ],
              "match": "title"
            },
            {
              "kind": "removed",
              "from": [
                "3"
              ],
              "to": [],
              "match": "none"
            }
          ]
        }

        """;

    [Fact]
    public void Writes_the_canonical_file()
    {
        Assert.Equal(SampleJson, CrosswalkFile.ToJson(Sample()));
    }

    [Fact]
    public void Read_then_write_gives_the_same_bytes_and_the_same_entries()
    {
        var read = CrosswalkFile.Read(SampleJson);
        Assert.Equal(SampleJson, CrosswalkFile.ToJson(read));
        Assert.Equal(("old", "1", "new", "2"), (read.FromFrameworkId, read.FromVersion, read.ToFrameworkId, read.ToVersion));
        Assert.Equal(Sample().Entries.Select(e => (e.Kind, string.Join(",", e.From), string.Join(",", e.To), e.Match)),
            read.Entries.Select(e => (e.Kind, string.Join(",", e.From), string.Join(",", e.To), e.Match)));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(SampleJson));
        Assert.Equal(6, CrosswalkFile.Read(stream).Entries.Count);
    }

    [Fact]
    public void Every_match_name_round_trips_and_a_missing_match_is_manual()
    {
        foreach (var match in Enum.GetValues<CrosswalkMatch>())
        {
            var json = SampleJson.Replace("\"match\": \"code\"", $"\"match\": \"{CrosswalkFile.MatchName(match)}\"", StringComparison.Ordinal);
            Assert.Equal(match, CrosswalkFile.Read(json).Entries[0].Match);
        }

        var withoutMatch = SampleJson.Replace(",\n      \"match\": \"code\"", "", StringComparison.Ordinal);
        Assert.Equal(CrosswalkMatch.Manual, CrosswalkFile.Read(withoutMatch).Entries[0].Match);
    }

    [Theory]
    [InlineData("\"format\": \"parindex-crosswalk/1\"", "\"format\": \"parindex-crosswalk/2\"", 2, 13, "định dạng \"parindex-crosswalk/2\" không được hỗ trợ")]
    [InlineData("\"kind\": \"one-to-one\",\n      \"from\": [\n        \"1\"", "\"kind\": \"one-to-two\",\n      \"from\": [\n        \"1\"", 13, 15, "loại \"one-to-two\" của dòng chuyển mã thứ 1 không được hỗ trợ")]
    [InlineData("\"match\": \"title\"", "\"match\": \"guess\"", 60, 16, "cách khớp \"guess\" của dòng chuyển mã thứ 5 không được hỗ trợ")]
    [InlineData("\"match\": \"title\"", "\"match\": \"title\", \"note\": 1", 60, 25, "thuộc tính \"note\" không được hỗ trợ ở dòng chuyển mã thứ 5")]
    [InlineData("\"version\": \"2\"", "\"version\": 2", 9, 16, "thuộc tính \"version\" của \"to\" phải là chuỗi, không phải số")]
    [InlineData("\"version\": \"2\"", "\"version\": \" \"", 9, 16, "thuộc tính \"version\" của \"to\" để trống")]
    [InlineData("\"1.3\"", "13", 36, 9, "mã trong \"from\" của dòng chuyển mã thứ 3 phải là chuỗi, không phải số")]
    [InlineData("\"to\": [],", "\"to\": [\"9\"],", 62, 5, "dòng chuyển mã thứ 6 loại removed có 1 mã cũ và 1 mã mới")]
    [InlineData("\"kind\": \"removed\",", "\"kind\": \"new\",", 62, 5, "dòng chuyển mã thứ 6 loại new có 1 mã cũ và 0 mã mới")]
    [InlineData("\"from\": [],", "\"from\": {},", 46, 15, "thuộc tính \"from\" của dòng chuyển mã thứ 4 phải là một mảng")]
    [InlineData("\"to\": {", "\"too\": {", 7, 3, "thuộc tính \"too\" không được hỗ trợ ở gốc của tệp")]
    [InlineData("\"id\": \"old\",", "\"id\": \"old\", \"x\": 1,", 4, 18, "thuộc tính \"x\" không được hỗ trợ ở \"from\"")]
    public void Errors_name_line_and_column(string find, string replace, int line, int column, string message)
    {
        var json = SampleJson.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(SampleJson, json);
        var error = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read(json));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith(message, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_property_is_named()
    {
        var error = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read("{\"format\": \"parindex-crosswalk/1\", \"from\": {\"id\": \"a\", \"version\": \"1\"}, \"to\": {\"id\": \"b\", \"version\": \"1\"}}"));
        Assert.Equal("thiếu thuộc tính \"entries\" của tệp.", error.Detail);
        Assert.Equal((1, 1), (error.Line, error.Column));
        var entry = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read(SampleJson.Replace("\"kind\": \"removed\",", "", StringComparison.Ordinal)));
        Assert.Equal("thiếu thuộc tính \"kind\" của dòng chuyển mã thứ 6.", entry.Detail);
        var entryNotObject = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read("{\"format\": \"parindex-crosswalk/1\", \"from\": {\"id\": \"a\", \"version\": \"1\"}, \"to\": {\"id\": \"b\", \"version\": \"1\"}, \"entries\": [1]}"));
        Assert.StartsWith("dòng chuyển mã thứ 1 phải là một đối tượng JSON", entryNotObject.Detail, StringComparison.Ordinal);
        var entriesNotArray = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read("{\"format\": \"parindex-crosswalk/1\", \"from\": {\"id\": \"a\", \"version\": \"1\"}, \"to\": {\"id\": \"b\", \"version\": \"1\"}, \"entries\": 5}"));
        Assert.Equal("thuộc tính \"entries\" của tệp phải là một mảng [...], không phải số.", entriesNotArray.Detail);
        Assert.Equal(119, entriesNotArray.Column);
        var fromNotObject = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read("{\"format\": \"parindex-crosswalk/1\", \"from\": [], \"to\": {\"id\": \"b\", \"version\": \"1\"}, \"entries\": []}"));
        Assert.Equal("thuộc tính \"from\" phải là một đối tượng JSON {…}, không phải mảng.", fromNotObject.Detail);
        var notObject = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read("[]"));
        Assert.StartsWith("gốc của tệp phải là một đối tượng JSON", notObject.Detail, StringComparison.Ordinal);
        var noTo = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read("{\"format\": \"parindex-crosswalk/1\", \"from\": {\"id\": \"a\", \"version\": \"1\"}, \"entries\": []}"));
        Assert.Equal("thiếu thuộc tính \"to\" của tệp.", noTo.Detail);
        var noFormat = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read("{}"));
        Assert.Equal("thiếu thuộc tính \"format\" của tệp.", noFormat.Detail);
    }

    [Fact]
    public void Broken_json_has_a_position()
    {
        var error = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read("{\n  \"format\": ,\n}"));
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Bounds_on_codes_entries_and_size()
    {
        var longCode = new string('1', CrosswalkFile.MaxTextLength + 1);
        var tooLong = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read(SampleJson.Replace("\"1.3\"", $"\"{longCode}\"", StringComparison.Ordinal)));
        Assert.Equal($"mã trong \"from\" của dòng chuyển mã thứ 3 dài quá {CrosswalkFile.MaxTextLength} ký tự.", tooLong.Detail);
        var atLimit = CrosswalkFile.Read(SampleJson.Replace("\"1.3\"", $"\"{longCode[1..]}\"", StringComparison.Ordinal));
        Assert.Equal(CrosswalkFile.MaxTextLength, atLimit.Entries[2].From[0].Length);

        var entry = "{\"kind\": \"new\", \"from\": [], \"to\": [\"1\"]}";
        string Many(int n) => "{\"format\": \"parindex-crosswalk/1\", \"from\": {\"id\": \"a\", \"version\": \"1\"}, \"to\": {\"id\": \"b\", \"version\": \"1\"}, \"entries\": ["
            + string.Join(",", Enumerable.Repeat(entry, n)) + "]}";
        Assert.Equal(CrosswalkFile.MaxEntries, CrosswalkFile.Read(Many(CrosswalkFile.MaxEntries)).Entries.Count);
        var tooMany = Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read(Many(CrosswalkFile.MaxEntries + 1)));
        Assert.StartsWith("quá nhiều dòng chuyển mã", tooMany.Detail, StringComparison.Ordinal);

        using var huge = new MemoryStream(new byte[CrosswalkFile.MaxBytes + 1]);
        Assert.Contains("quá lớn", Assert.Throws<FrameworkFormatException>(() => CrosswalkFile.Read(huge)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_of_kinds_and_matches()
    {
        Assert.Equal(["one-to-one", "many-to-one", "one-to-many", "new", "removed"], Enum.GetValues<CrosswalkKind>().Select(CrosswalkFile.KindName));
        Assert.Equal(["code", "title", "title-without-diacritics", "code-only", "structure", "none", "manual"], Enum.GetValues<CrosswalkMatch>().Select(CrosswalkFile.MatchName));
    }

    [Theory]
    [InlineData(CrosswalkKind.OneToOne, 1, 1, true)]
    [InlineData(CrosswalkKind.OneToOne, 2, 1, false)]
    [InlineData(CrosswalkKind.OneToOne, 1, 0, false)]
    [InlineData(CrosswalkKind.ManyToOne, 2, 1, true)]
    [InlineData(CrosswalkKind.ManyToOne, 1, 1, false)]
    [InlineData(CrosswalkKind.ManyToOne, 2, 2, false)]
    [InlineData(CrosswalkKind.OneToMany, 1, 2, true)]
    [InlineData(CrosswalkKind.OneToMany, 1, 1, false)]
    [InlineData(CrosswalkKind.OneToMany, 2, 2, false)]
    [InlineData(CrosswalkKind.New, 0, 1, true)]
    [InlineData(CrosswalkKind.New, 0, 2, false)]
    [InlineData(CrosswalkKind.New, 1, 1, false)]
    [InlineData(CrosswalkKind.Removed, 1, 0, true)]
    [InlineData(CrosswalkKind.Removed, 2, 0, false)]
    [InlineData(CrosswalkKind.Removed, 1, 1, false)]
    [InlineData((CrosswalkKind)99, 1, 1, false)]
    public void Shape_of_each_kind(CrosswalkKind kind, int from, int to, bool consistent)
    {
        var entry = new CrosswalkEntry(kind, Enumerable.Range(1, from).Select(i => $"{i}").ToList(), Enumerable.Range(1, to).Select(i => $"{i}").ToList(), CrosswalkMatch.Manual);
        Assert.Equal(consistent, entry.HasConsistentShape);
    }

    [Fact]
    public void The_sample_is_valid_against_its_frameworks()
    {
        Assert.Empty(Sample().Validate(Old, New));
    }

    [Fact]
    public void Validate_names_unknown_codes_repeats_bad_shapes_and_uncovered_leaves()
    {
        var crosswalk = new FrameworkCrosswalk
        {
            FromFrameworkId = "old",
            FromVersion = "1",
            ToFrameworkId = "new",
            ToVersion = "2",
            Entries =
            [
                new(CrosswalkKind.OneToOne, ["1.1"], ["1.1"], CrosswalkMatch.Manual),
                new(CrosswalkKind.OneToOne, ["1.1"], ["9"], CrosswalkMatch.Manual),
                new(CrosswalkKind.ManyToOne, ["8"], ["1.1"], CrosswalkMatch.Manual),
            ],
        };
        Assert.Equal(
            [
                "entries[2]: Mã cũ 1.1 nằm trong hơn một dòng của bảng chuyển mã.",
                "entries[2]: Bộ tiêu chí mới (new) không có mã 9.",
                "entries[3]: Loại many-to-one không khớp số mã: 1 mã cũ, 1 mã mới.",
                "entries[3]: Bộ tiêu chí cũ (old) không có mã 8.",
                "entries[3]: Mã mới 1.1 nằm trong hơn một dòng của bảng chuyển mã.",
                "1.2: Tiêu chí lá cũ 1.2 chưa có trong bảng chuyển mã.",
                "1.3: Tiêu chí lá cũ 1.3 chưa có trong bảng chuyển mã.",
                "2: Tiêu chí lá cũ 2 chưa có trong bảng chuyển mã.",
                "3: Tiêu chí lá cũ 3 chưa có trong bảng chuyển mã.",
                "1.2.1: Tiêu chí lá mới 1.2.1 chưa có trong bảng chuyển mã.",
                "1.2.2: Tiêu chí lá mới 1.2.2 chưa có trong bảng chuyển mã.",
                "2: Tiêu chí lá mới 2 chưa có trong bảng chuyển mã.",
                "3: Tiêu chí lá mới 3 chưa có trong bảng chuyển mã.",
            ],
            crosswalk.Validate(Old, New).Select(p => p.ToString()));
        Assert.Throws<ArgumentNullException>(() => crosswalk.Validate(null!, New));
        Assert.Throws<ArgumentNullException>(() => crosswalk.Validate(Old, null!));
    }

    [Fact]
    public void Lookups_by_old_and_new_code()
    {
        var crosswalk = Sample();
        Assert.Equal(CrosswalkKind.ManyToOne, crosswalk.ForNewCode("1.1")!.Kind);
        Assert.Equal(CrosswalkKind.OneToMany, crosswalk.ForNewCode("1.2.2")!.Kind);
        Assert.Null(crosswalk.ForNewCode("1.2"));
        Assert.Equal(CrosswalkKind.ManyToOne, crosswalk.ForOldCode("1.2")!.Kind);
        Assert.Equal(CrosswalkKind.Removed, crosswalk.ForOldCode("3")!.Kind);
        Assert.Null(crosswalk.ForOldCode("1.2.1"));
    }

    [Fact]
    public void The_code_map_lists_every_old_code_and_never_maps_a_split()
    {
        var map = Sample().ToCodeMap();
        Assert.Equal(("old", "new"), (map.FromFrameworkId, map.ToFrameworkId));
        Assert.Equal(
            new Dictionary<string, string?> { ["1"] = "1", ["1.1"] = "1.1", ["1.2"] = "1.1", ["1.3"] = null, ["2"] = "3", ["3"] = null },
            map.Map);
        // The reused code 2 is not its namesake: the old 2 is the new 3.
        Assert.Equal("3", map.Translate("2", New));
        Assert.Null(map.Translate("3", New));
    }
}
