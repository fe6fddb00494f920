using ParIndex.Core.OfficialTables;

namespace ParIndex.Core.Tests.OfficialTables;

public class OfficialTableVerifierTests
{
    [Fact]
    public void A_changed_leaf_score_is_reported_at_its_criterion_field_and_total()
    {
        var table = Seed.Read(Seed.WithCell(Seed.Text, "1.3.1", 3, "<b>0,5</b>"));

        var mismatches = OfficialTableVerifier.Verify(table);

        Assert.Equal(
            [
                new TableMismatch("1", "score", 9.5m, 9m),
                new TableMismatch("1.3", "score", 2m, 1.5m),
                new TableMismatch("TỔNG ĐIỂM", "score", 65.249m, 64.749m),
            ],
            mismatches);
    }

    [Fact]
    public void A_changed_leaf_maximum_is_reported_as_max_mismatches()
    {
        var table = Seed.Read(Seed.WithCell(Seed.Text, "6.3.4", 2, "1,25"));

        Assert.Equal(
            [
                new TableMismatch("6", "max", 12m, 12.25m),
                new TableMismatch("6.3", "max", 4m, 4.25m),
                new TableMismatch("TỔNG ĐIỂM", "max", 100m, 100.25m),
            ],
            OfficialTableVerifier.Verify(table));
    }

    [Fact]
    public void A_wrong_subtotal_alone_is_reported_only_where_it_is()
    {
        // 5.2 states 0,75 instead of 0,5: the field and the total still add up from the leaves.
        var table = Seed.Read(Seed.WithCell(Seed.Text, "5.2", 3, "<b>0,75</b>"));

        Assert.Equal([new TableMismatch("5.2", "score", 0.75m, 0.5m)], OfficialTableVerifier.Verify(table));
    }

    [Fact]
    public void A_wrong_total_row_is_reported_against_the_fields()
    {
        var lines = Seed.Lines();
        lines[172] = "\t<b>TỔNG ĐIỂM</b>\t<b>100</b>\t<b>65,25</b>\t";
        var table = Seed.Read(Seed.Join(lines));

        Assert.Equal([new TableMismatch("TỔNG ĐIỂM", "score", 65.25m, 65.249m)], OfficialTableVerifier.Verify(table));
    }

    [Fact]
    public void A_change_in_a_two_level_leaf_reaches_the_field_and_total_only()
    {
        var table = Seed.Read(Seed.WithCell(Seed.Text, "8.2", 3, "<b>0,5</b>"));

        Assert.Equal(
            [new TableMismatch("8", "score", 5.6111m, 5.1111m), new TableMismatch("TỔNG ĐIỂM", "score", 65.249m, 64.749m)],
            OfficialTableVerifier.Verify(table));
    }

    [Fact]
    public void An_empty_subtotal_cell_states_nothing_and_a_missing_total_row_is_not_checked()
    {
        var lines = Seed.Lines();
        var i = Seed.IndexOfRow(lines, "3.2");
        lines[i] = lines[i].Replace("<b>3</b>\t<b>3</b>", "<b>3</b>\t", StringComparison.Ordinal);
        lines.RemoveAt(172);
        var table = Seed.Read(Seed.Join(lines));

        Assert.Null(table.Row("3.2").Score);
        Assert.Equal(3m, table.Row("3.2").ComputedScore);
        Assert.Null(table.StatedTotalScore);
        Assert.Empty(OfficialTableVerifier.Verify(table));
    }
}
