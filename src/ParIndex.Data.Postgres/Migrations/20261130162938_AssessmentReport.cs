using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParIndex.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentReports",
                columns: table => new
                {
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    SuperiorBody = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Difficulties = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Recommendations = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Recipients = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SignerAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentReports", x => x.AssessmentId);
                    table.ForeignKey(
                        name: "FK_AssessmentReports_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentReports");
        }
    }
}
