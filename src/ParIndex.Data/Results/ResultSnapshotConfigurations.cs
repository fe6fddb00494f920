using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Units;

namespace ParIndex.Data.Results;

internal sealed class ResultSnapshotConfiguration : IEntityTypeConfiguration<ResultSnapshot>
{
    public void Configure(EntityTypeBuilder<ResultSnapshot> builder)
    {
        builder.Property(s => s.CreatedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(s => s.ContentHash).HasMaxLength(64);
        builder.Property(s => s.InputsStamp).HasMaxLength(200);
        builder.HasIndex(s => new { s.CampaignId, s.Version }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResultSnapshotUnitConfiguration : IEntityTypeConfiguration<ResultSnapshotUnit>
{
    public void Configure(EntityTypeBuilder<ResultSnapshotUnit> builder)
    {
        builder.Property(u => u.PeerGroup).HasMaxLength(32);
        builder.Property(u => u.UnitCode).HasMaxLength(TextLimits.UnitCode);
        builder.Property(u => u.UnitName).HasMaxLength(TextLimits.Name);
        builder.Property(u => u.SearchName).HasMaxLength(TextLimits.Name);
        builder.HasIndex(u => new { u.SnapshotId, u.UnitId }).IsUnique();
        builder.HasIndex(u => new { u.SnapshotId, u.PeerGroup, u.Position });
        builder.HasOne(u => u.Snapshot).WithMany(s => s.Units).HasForeignKey(u => u.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
