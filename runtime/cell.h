// DESIGN.md §5: every garbage-collected thing is a Cell.
#pragma once

namespace lockstep {

class Visitor;

// A Cell is allocated only through Heap::allocate and lives until a
// collection finds it unreachable. Rules for subclasses:
//  - visit_edges reports every Cell the cell refers to (Values included);
//  - a constructor must not allocate cells (the new cell is not yet traced);
//  - cells never move, so raw pointers to them stay valid while reachable.
class Cell {
public:
    Cell() = default;
    Cell(const Cell&) = delete;
    Cell& operator=(const Cell&) = delete;
    virtual ~Cell() = default;

    virtual void visit_edges(Visitor&) {}
};

}  // namespace lockstep
