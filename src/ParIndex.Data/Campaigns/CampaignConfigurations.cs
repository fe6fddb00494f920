using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Campaigns;

internal sealed class FrameworkRecordConfiguration : IEntityTypeConfiguration<FrameworkRecord>
{
    public void Configure(EntityTypeBuilder<FrameworkRecord> builder)
    {
        builder.Property(f => f.FrameworkId).HasMaxLength(100);
        builder.Property(f => f.Version).HasMaxLength(50);
        builder.Property(f => f.Title).HasMaxLength(300);
        builder.Property(f => f.UnitKind).HasMaxLength(32);
        builder.HasIndex(f => new { f.FrameworkId, f.Version }).IsUnique();
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Revision).IsConcurrencyToken();
        builder.Property(f => f.CreatedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(f => f.UpdatedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(f => f.ActivatedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(f => f.RetiredBy).HasMaxLength(TextLimits.UserName);
        builder.Property(f => f.ClonedFrom).HasMaxLength(160);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(TextLimits.Name);
        builder.HasOne(c => c.Framework).WithMany().HasForeignKey(c => c.FrameworkRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.Property(a => a.CodePrefix).HasMaxLength(TextLimits.CriterionCode);
        builder.HasIndex(a => new { a.AssessmentId, a.CodePrefix }).IsUnique();
        builder.HasOne(a => a.Assessment).WithMany(a => a.Assignments).HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.ContributingUnit).WithMany().HasForeignKey(a => a.ContributingUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
