using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Units;

internal sealed class UnitLineageConfiguration : IEntityTypeConfiguration<UnitLineage>
{
    public void Configure(EntityTypeBuilder<UnitLineage> builder)
    {
        builder.ToTable("UnitLineage");
        builder.Property(l => l.Kind).HasMaxLength(16);
        builder.Property(l => l.Note).HasMaxLength(TextLimits.Reason);
        builder.Property(l => l.PreviousName).HasMaxLength(TextLimits.Name);
        builder.Property(l => l.RecordedBy).HasMaxLength(TextLimits.UserName);
        builder.HasIndex(l => l.SuccessorId);
        builder.HasIndex(l => l.PredecessorId);
        builder.HasOne(l => l.Predecessor).WithMany().HasForeignKey(l => l.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Successor).WithMany().HasForeignKey(l => l.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
