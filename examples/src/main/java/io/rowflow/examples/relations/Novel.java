package io.rowflow.examples.relations;

import io.rowflow.Ref;
import io.rowflow.annotation.CascadeType;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.JoinTable;
import io.rowflow.annotation.ManyToMany;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.OneToMany;
import io.rowflow.annotation.Table;
import java.util.List;
import java.util.Set;

/** A novel: references its writer, owns its reviews and links to subjects through a link table. */
@Table(name = "lib_novel")
public record Novel(@Id @GeneratedValue Long id,
                    String title,
                    int year,
                    @ManyToOne @JoinColumn(name = "writer_id") Ref<Writer> writer,
                    @OneToMany(mappedBy = "novel", cascade = CascadeType.ALL) List<Review> reviews,
                    @ManyToMany(cascade = CascadeType.INSERT)
                    @JoinTable(name = "lib_novel_subject",
                            joinColumn = @JoinColumn(name = "novel_id"),
                            inverseJoinColumn = @JoinColumn(name = "subject_id")) Set<Subject> subjects) {

    /** A new novel with reviews and subjects, for a cascading insert. */
    public static Novel of(String title, int year, List<Review> reviews, Set<Subject> subjects) {
        return new Novel(null, title, year, null, reviews, subjects);
    }
}
